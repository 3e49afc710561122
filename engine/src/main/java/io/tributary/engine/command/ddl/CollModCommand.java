package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.IndexDescriptor;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.DurableAck;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code collMod}: changes collection options ({@code changeStreamPreAndPostImages}, {@code validator},
 * {@code validationLevel}, {@code validationAction}, {@code expireAfterSeconds}, a capped collection's
 * {@code cappedSize}/{@code cappedMax}: {@link CappedOptions#modify}) and index options
 * ({@code index: {name | keyPattern, hidden, expireAfterSeconds}}), and logs one modify entry whose changes are
 * the options given and whose state before is what they replaced. Even a {@code collMod} without options is
 * logged. Reply: the index option transitions ({@code hidden_old}, {@code hidden_new}, ...).
 */
public final class CollModCommand implements SyncCommand {
  private static final Set<String> COLLECTION_OPTIONS = Set.of("changeStreamPreAndPostImages", "validator",
      "validationLevel", "validationAction", "expireAfterSeconds", "timeseries");

  @Override
  public String name() {
    return "collMod";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    return DurableAck.write(context, command, unit -> modify(unit, namespace, command));
  }

  private static BsonDocument modify(WriteUnit unit, Namespace namespace, BsonDocument command) {
    CollectionMetadata collection = unit.collection(namespace).orElseThrow(() ->
        ErrorCode.NAMESPACE_NOT_FOUND.error("ns does not exist: " + namespace));
    BsonDocument changes = new BsonDocument();
    BsonDocument options = collection.options().clone();
    for (String option : COLLECTION_OPTIONS) {
      BsonValue value = command.get(option);
      if (value != null) {
        changes.append(option, value);
        options.put(option, value);
      }
    }
    CappedOptions.modify(collection, command, options, changes);
    BsonDocument reply = new BsonDocument();
    CollectionMetadata changed = collection.withOptions(options);
    BsonDocument indexChange = CommandArguments.document(command, "index");
    if (indexChange != null) {
      changes.append("index", indexChange);
      changed = changed.withIndexes(modifyIndex(collection, indexChange, reply));
    }
    BsonDocument stateBefore = new BsonDocument("collectionOptions", collection.options());
    unit.modify(changed, changes, stateBefore);
    return reply;
  }

  private static List<IndexDescriptor> modifyIndex(CollectionMetadata collection, BsonDocument change,
      BsonDocument reply) {
    IndexDescriptor index = collection.indexes().stream()
        .filter(i -> change.containsKey("name") ? change.get("name").equals(i.spec().get("name"))
            : i.keyPattern().equals(change.get("keyPattern")))
        .findFirst()
        .orElseThrow(() -> ErrorCode.INDEX_NOT_FOUND.error("cannot find index " + change.toJson() + " for ns "
            + collection.namespace()));
    if (change.containsKey("expireAfterSeconds") && collection.isCapped()) {
      throw ErrorCode.INVALID_OPTIONS.error("TTL indexes are not supported for capped collections.");
    }
    BsonDocument spec = index.spec().clone();
    for (String option : List.of("hidden", "expireAfterSeconds")) {
      BsonValue value = change.get(option);
      if (value != null) {
        BsonValue old = spec.get(option);
        if (old != null) {
          reply.append(option + "_old", old);
        }
        reply.append(option + "_new", value);
        spec.put(option, value);
      }
    }
    List<IndexDescriptor> indexes = new ArrayList<>(collection.indexes());
    indexes.set(indexes.indexOf(index), new IndexDescriptor(index.id(), spec, index.multikey()));
    return indexes;
  }
}

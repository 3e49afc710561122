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
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@code dropIndexes}: drops the index named by {@code index} (a name, a key pattern, a list of names, or
 * {@code "*"} for all but {@code _id}) and logs one dropIndexes entry per index. Reply: {@code nIndexesWas}.
 */
public final class DropIndexesCommand implements SyncCommand {
  @Override
  public String name() {
    return "dropIndexes";
  }

  @Override
  public List<String> aliases() {
    return List.of("deleteIndexes");
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    BsonValue which = command.get("index");
    if (which == null) {
      throw ErrorCode.FAILED_TO_PARSE.error("BSON field 'dropIndexes.index' is missing but a required field");
    }
    return DurableAck.write(context, command, unit -> drop(unit, namespace, which));
  }

  private static BsonDocument drop(WriteUnit unit, Namespace namespace, BsonValue which) {
    CollectionMetadata collection = unit.writableCollection(namespace).orElseThrow(() ->
        ErrorCode.NAMESPACE_NOT_FOUND.error("ns not found " + namespace));
    int before = collection.indexes().size();
    for (IndexDescriptor index : selected(collection, which)) {
      collection = unit.dropIndex(collection, index);
    }
    return new BsonDocument("nIndexesWas", new BsonInt32(before));
  }

  private static List<IndexDescriptor> selected(CollectionMetadata collection, BsonValue which) {
    if (which.isString() && which.asString().getValue().equals("*")) {
      return collection.indexes().stream().filter(i -> !i.isIdIndex()).toList();
    }
    List<IndexDescriptor> selected = new ArrayList<>();
    if (which.isArray()) {
      which.asArray().forEach(name -> selected.add(byName(collection, name)));
    } else if (which.isDocument()) {
      selected.add(collection.indexes().stream().filter(i -> i.keyPattern().equals(which)).findFirst()
          .orElseThrow(() -> ErrorCode.INDEX_NOT_FOUND.error("can't find index with key: "
              + which.asDocument().toJson())));
    } else {
      selected.add(byName(collection, which));
    }
    if (selected.stream().anyMatch(IndexDescriptor::isIdIndex)) {
      throw ErrorCode.INVALID_OPTIONS.error("cannot drop _id index");
    }
    return selected;
  }

  private static IndexDescriptor byName(CollectionMetadata collection, BsonValue name) {
    String indexName = name.isString() ? name.asString().getValue() : name.toString();
    return collection.index(indexName).orElseThrow(() ->
        ErrorCode.INDEX_NOT_FOUND.error("index not found with name [" + indexName + "]"));
  }
}

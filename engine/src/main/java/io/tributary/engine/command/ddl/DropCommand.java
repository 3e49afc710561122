package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.DurableAck;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * {@code drop}: removes a collection with its documents and indexes in one unit and logs a drop. Dropping a
 * missing collection succeeds without effect, as on mongod 7.0. Reply: {@code {nIndexesWas, ns}}.
 */
public final class DropCommand implements SyncCommand {
  @Override
  public String name() {
    return "drop";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    Optional<CollectionMetadata> dropped = DurableAck.write(context, command, unit -> {
      Optional<CollectionMetadata> collection = unit.collection(namespace);
      collection.ifPresent(unit::dropCollection);
      return collection;
    });
    if (dropped.isEmpty()) {
      return new BsonDocument();
    }
    return new BsonDocument("nIndexesWas", new BsonInt32(dropped.get().indexes().size()))
        .append("ns", new BsonString(namespace.fullName()));
  }
}

package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.DurableAck;
import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code renameCollection} (run on {@code admin}): {@code {renameCollection: "db.a", to: "db.b", dropTarget}}.
 * Documents stay where they are (they are keyed by collection id), so a rename, also across databases, is a
 * catalog change: one unit that drops the target when asked and logs one rename.
 */
public final class RenameCollectionCommand implements SyncCommand {
  @Override
  public String name() {
    return "renameCollection";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace source = Namespace.parse(string(command, "renameCollection"));
    Namespace target = Namespace.parse(string(command, "to"));
    boolean dropTarget = CommandArguments.bool(command, "dropTarget", false);
    if (source.equals(target)) {
      throw ErrorCode.ILLEGAL_OPERATION.error("Can't rename a collection to itself");
    }
    DurableAck.write(context, command, unit -> {
      CollectionMetadata collection = unit.collection(source).orElseThrow(() ->
          ErrorCode.NAMESPACE_NOT_FOUND.error("Source collection " + source + " does not exist"));
      CollectionMetadata existingTarget = unit.collection(target).orElse(null);
      if (existingTarget != null && !dropTarget) {
        throw ErrorCode.NAMESPACE_EXISTS.error("Target namespace exists");
      }
      unit.rename(collection, target, existingTarget);
      return null;
    });
    return new BsonDocument();
  }

  private static String string(BsonDocument command, String field) {
    BsonValue value = command.get(field);
    if (value == null || !value.isString()) {
      throw ErrorCode.TYPE_MISMATCH.error("BSON field 'renameCollection." + field + "' is the wrong type, "
          + "expected type 'string'");
    }
    return value.asString().getValue();
  }
}

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
 * {@code cloneCollectionAsCapped: <from>, toCollection: <to>, size}: a new capped collection in the same database
 * holding the source's documents (the oldest deleted as its size requires), in one commit ({@link CappedCopy}).
 */
public final class CloneCollectionAsCappedCommand implements SyncCommand {
  @Override
  public String name() {
    return "cloneCollectionAsCapped";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace from = CommandArguments.namespace(context, command);
    BsonValue to = command.get("toCollection");
    if (to == null || !to.isString()) {
      throw ErrorCode.location(40414).error(
          "BSON field 'cloneCollectionAsCapped.toCollection' is missing but a required field");
    }
    Namespace target = Namespace.of(context.database(), to.asString().getValue());
    long size = CappedCopy.size(command, name());
    DurableAck.write(context, command, unit -> {
      CollectionMetadata source = CappedCopy.source(unit, from, name());
      if (unit.collection(target).isPresent()) {
        throw ErrorCode.NAMESPACE_EXISTS.error("cloneCollectionAsCapped failed - destination collection " + target
            + " already exists. source: " + from);
      }
      return CappedCopy.copy(unit, source, target, size);
    });
    return new BsonDocument();
  }
}

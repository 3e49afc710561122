package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.command.crud.DurableAck;
import java.util.UUID;
import org.bson.BsonDocument;

/**
 * {@code convertToCapped: <collection>, size}: replaces a collection with a capped copy of it, as mongod does: a
 * temporary capped collection is filled ({@link CappedCopy}) and renamed over the original, all in one commit, so
 * the original's indexes other than {@code _id} are gone and its change streams see the rename (an invalidate).
 */
public final class ConvertToCappedCommand implements SyncCommand {
  @Override
  public String name() {
    return "convertToCapped";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    long size = CappedCopy.size(command, name());
    DurableAck.write(context, command, unit -> {
      CollectionMetadata source = CappedCopy.source(unit, namespace, name());
      Namespace temporary = Namespace.of(namespace.db(),
          "tmp" + UUID.randomUUID().toString().substring(0, 5) + ".convertToCapped." + namespace.collection());
      CollectionMetadata capped = CappedCopy.copy(unit, source, temporary, size);
      unit.rename(capped, namespace, source);
      return null;
    });
    return new BsonDocument();
  }
}

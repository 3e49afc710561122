package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * {@code fsync}: makes every acknowledged write durable now (the storage engine's sync; a no-op in memory).
 * {@code lock: true}, which blocks all writes until {@code fsyncUnlock}, is not supported. Stateless.
 */
public final class FsyncCommand implements SyncCommand {
  @Override
  public String name() {
    return "fsync";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    if (command.getBoolean("lock", BsonBoolean.FALSE).getValue()) {
      throw ErrorCode.COMMAND_NOT_SUPPORTED.error("fsync with lock: true is not supported");
    }
    context.engine().storage().sync();
    return new BsonDocument("numFiles", new BsonInt32(1));
  }
}

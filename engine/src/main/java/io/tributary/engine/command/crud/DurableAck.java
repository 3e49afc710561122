package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import java.util.function.Function;
import org.bson.BsonDocument;

/**
 * The acknowledgement step of a write command: once all its statements committed (each without waiting), one
 * sync makes them durable when the write concern asks for it, so a batch pays for one sync, shared with
 * concurrent writers. Stateless.
 */
public final class DurableAck {
  private DurableAck() {}

  /**
   * Commits {@code work} as one unit (outside any session), then acknowledges it as {@link #await} does. A command
   * that cannot run in a transaction fails with OperationNotSupportedInTransaction if sent in one (as mongod), rather
   * than waiting for the write permit the transaction holds.
   */
  public static <T> T write(CommandContext context, BsonDocument command, Function<WriteUnit, T> work) {
    if (command.containsKey("autocommit")) {
      throw ErrorCode.OPERATION_NOT_SUPPORTED_IN_TRANSACTION.error("Cannot run '" + command.getFirstKey()
          + "' in a multi-document transaction.");
    }
    T result = context.engine().writer().write(null, work);
    await(context, command);
    return result;
  }

  public static void await(CommandContext context, BsonDocument command) {
    if (WriteConcern.of(command).durable() && context.engine().storage().isDurable()) {
      context.engine().sequencer().syncNow();
    }
  }
}

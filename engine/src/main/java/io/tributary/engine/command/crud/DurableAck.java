package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.operation.OperationDeadline;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonDocument;

/**
 * The acknowledgement step of a write command (mongod's {@code waitForWriteConcern}): once all its statements
 * committed (each without waiting), one sync makes them durable when the write concern asks for it, so a batch
 * pays for one sync, shared with concurrent writers; the sync runs on the committing thread
 * ({@link io.tributary.engine.oplog.CommitSequencer#durably}).
 *
 * <p>The command's {@code maxTimeMS} covers this wait too, as in mongod: if it runs out before the wait ends (or
 * has already run out), the writes stay committed and the command still succeeds, but its reply carries
 * {@code writeConcernError: {code: 50, codeName: "MaxTimeMSExpired"}} ({@link CommandContext#writeConcern()}).
 * The wait that can be long is the one the {@code pauseJournalFlusherThread} fail point holds; the sync itself, a
 * bounded fsync shared with concurrent writers, is not interrupted. Stateless.
 */
public final class DurableAck {
  private DurableAck() {}

  /**
   * Commits {@code work} as one unit (outside any session), then acknowledges it as {@link #acknowledged} does. A
   * command that cannot run in a transaction fails with OperationNotSupportedInTransaction if sent in one (as
   * mongod), rather than waiting for the write permit the transaction holds.
   */
  public static <T> T write(CommandContext context, BsonDocument command, Function<WriteUnit, T> work) {
    if (command.containsKey("autocommit")) {
      throw ErrorCode.OPERATION_NOT_SUPPORTED_IN_TRANSACTION.error("Cannot run '" + command.getFirstKey()
          + "' in a multi-document transaction.");
    }
    return acknowledged(context, command, () -> context.engine().writer().write(null, work));
  }

  /**
   * Runs a command's {@code statements}, then makes their commits durable if its write concern asks for it, within
   * what is left of its {@code maxTimeMS}; past that, records {@code MaxTimeMSExpired} as the command's write
   * concern error.
   */
  public static <T> T acknowledged(CommandContext context, BsonDocument command, Supplier<T> statements) {
    Engine engine = context.engine();
    if (!WriteConcern.of(command).durable() || !engine.storage().isDurable()) {
      return statements.get();
    }
    return engine.sequencer().durably(statements, () -> mayWait(context, command));
  }

  /** Whether the wait may start; if the deadline runs out first, records the write concern error instead. */
  private static boolean mayWait(CommandContext context, BsonDocument command) {
    long remaining = OperationDeadline.current().map(OperationDeadline::remaining).orElse(Long.MAX_VALUE);
    if (remaining <= 0 || !context.engine().failPoints().pauseJournalFlusher(remaining)) {
      context.writeConcern().failed(OperationDeadline.expiredError(), WriteConcern.errInfo(command));
      return false;
    }
    return true;
  }
}

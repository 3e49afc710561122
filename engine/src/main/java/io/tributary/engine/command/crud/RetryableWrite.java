package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.catalog.Writer;
import io.tributary.engine.command.CloseConnection;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.failpoint.FailPoints;
import io.tributary.engine.oplog.SessionInfo;
import io.tributary.engine.session.Session;
import io.tributary.engine.session.Transaction;
import java.util.function.Function;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The retryable-write view of one write command: with {@code lsid} and {@code txnNumber} each statement runs at
 * most once per session and transaction number, and a retry gets the recorded result instead of writing again.
 * Statement ids come from {@code stmtIds}, else count up from {@code stmtId} (default 0), as mongod assigns them.
 * Without {@code txnNumber} every statement simply runs. The {@code onPrimaryTransactionalWrite} fail point
 * applies to each statement of a retryable write, as in mongod. Not thread-safe: one per command execution.
 */
public final class RetryableWrite {
  private final Session session;
  private final long txnNumber;
  private final BsonDocument command;
  private final FailPoints failPoints;
  private final Writer writer;
  private final Transaction transaction;

  private RetryableWrite(Session session, long txnNumber, BsonDocument command, CommandContext context,
      Transaction transaction) {
    this.session = session;
    this.txnNumber = txnNumber;
    this.command = command;
    this.failPoints = context.engine().failPoints();
    this.writer = context.engine().writer();
    this.transaction = transaction;
  }

  public static RetryableWrite of(CommandContext context, BsonDocument command) {
    Optional<Transaction> transaction = Transactions.join(context, command);
    if (transaction.isPresent() || context.lsid() == null || context.txnNumber() == null) {
      return new RetryableWrite(null, -1, command, context, transaction.orElse(null));
    }
    Session session = context.engine().sessions().session(context.lsid());
    session.beginRetryableWrite(context.txnNumber());
    return new RetryableWrite(session, context.txnNumber(), command, context, null);
  }

  /**
   * Runs statement {@code index} once: returns its recorded result when it already ran in this retryable write,
   * otherwise runs it and records the result.
   */
  public BsonDocument run(int index, Supplier<BsonDocument> statement) {
    if (session == null) {
      return statement.get();
    }
    // The permit before the session's lock, the order every writer keeps: a statement that waited for the permit
    // while holding the lock could deadlock with one holding the permit (a quick write on an event loop).
    return writer.exclusively(() -> {
      synchronized (session.lock()) {
        return runOnce(stmtId(index), statement);
      }
    });
  }

  private BsonDocument runOnce(int stmtId, Supplier<BsonDocument> statement) {
    Optional<BsonDocument> executed = session.executedResult(stmtId);
    if (executed.isPresent()) {
      return executed.get();
    }
    Optional<BsonDocument> failPoint = failPoints.onPrimaryTransactionalWrite();
    if (failPoint.isPresent() && failPoint.get().containsKey("failBeforeCommitExceptionCode")) {
      throw failedBeforeCommit(failPoint.get());
    }
    BsonDocument result = statement.get();
    session.recordResult(stmtId, result);
    if (failPoint.isPresent() && closesConnection(failPoint.get())) {
      throw new CloseConnection("onPrimaryTransactionalWrite: connection closed after the write committed");
    }
    return result;
  }

  /** The fail point's failure before the statement commits: a closed connection, or else its error code. */
  private static RuntimeException failedBeforeCommit(BsonDocument data) {
    if (closesConnection(data)) {
      return new CloseConnection("onPrimaryTransactionalWrite: connection closed before the write committed");
    }
    return ErrorCode.of(data.getNumber("failBeforeCommitExceptionCode").intValue()).error("Failing write for test");
  }

  private static boolean closesConnection(BsonDocument data) {
    return !data.containsKey("closeConnection") || data.getBoolean("closeConnection").getValue();
  }

  /**
   * Runs write work for statement {@code index}: in its own commit, or in the command's transaction (which then
   * commits it with the transaction).
   */
  public <T> T write(int index, Function<WriteUnit, T> work) {
    return transaction != null ? transaction.write(work) : writer.write(sessionInfo(index), work);
  }

  /** The session fields to record on the oplog entries of statement {@code index}, or null. */
  public SessionInfo sessionInfo(int index) {
    return session == null ? null : new SessionInfo(session.lsid(), txnNumber, stmtId(index), false);
  }

  private int stmtId(int index) {
    BsonValue ids = command.get("stmtIds");
    if (ids != null && ids.isArray() && index < ids.asArray().size()) {
      return ids.asArray().get(index).asNumber().intValue();
    }
    return (int) CommandArguments.longValue(command, "stmtId", 0) + index;
  }
}

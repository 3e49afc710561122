package io.tributary.engine.command.crud;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.oplog.SessionInfo;
import io.tributary.engine.session.Session;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The retryable-write view of one write command: with {@code lsid} and {@code txnNumber} each statement runs at
 * most once per session and transaction number, and a retry gets the recorded result instead of writing again.
 * Statement ids come from {@code stmtIds}, else count up from {@code stmtId} (default 0), as mongod assigns them.
 * Without {@code txnNumber} every statement simply runs. Not thread-safe: one per command execution.
 */
public final class RetryableWrite {
  private final Session session;
  private final long txnNumber;
  private final BsonDocument command;

  private RetryableWrite(Session session, long txnNumber, BsonDocument command) {
    this.session = session;
    this.txnNumber = txnNumber;
    this.command = command;
  }

  public static RetryableWrite of(CommandContext context, BsonDocument command) {
    if (context.lsid() == null || context.txnNumber() == null) {
      return new RetryableWrite(null, -1, command);
    }
    Session session = context.engine().sessions().session(context.lsid());
    session.beginRetryableWrite(context.txnNumber());
    return new RetryableWrite(session, context.txnNumber(), command);
  }

  /**
   * Runs statement {@code index} once: returns its recorded result when it already ran in this retryable write,
   * otherwise runs it and records the result.
   */
  public BsonDocument run(int index, Supplier<BsonDocument> statement) {
    if (session == null) {
      return statement.get();
    }
    synchronized (session.lock()) {
      int stmtId = stmtId(index);
      Optional<BsonDocument> executed = session.executedResult(stmtId);
      if (executed.isPresent()) {
        return executed.get();
      }
      BsonDocument result = statement.get();
      session.recordResult(stmtId, result);
      return result;
    }
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

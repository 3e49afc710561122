package io.tributary.engine.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The logical sessions the server knows, by {@code lsid.id}. A session exists once a retryable write used it
 * and is forgotten by {@code endSessions} ({@link #end}). State is in memory only: after a restart a retry of
 * a write from before the restart executes again. Thread-safe.
 */
public final class SessionCatalog {
  private final Map<BsonValue, Session> sessions = new ConcurrentHashMap<>();

  /** The session of {@code lsid}, created on first use. */
  public Session session(BsonDocument lsid) {
    return sessions.computeIfAbsent(lsid.get("id"), id -> new Session(lsid));
  }

  /** {@code endSessions}: forgets the session's state, aborting its open transaction. */
  public void end(BsonDocument lsid) {
    Session session = sessions.remove(lsid.get("id"));
    if (session != null) {
      session.abortIfStartedBefore(Long.MAX_VALUE);
    }
  }

  /** Aborts transactions started before {@code deadlineMillis} ({@code transactionLifetimeLimitSeconds}). */
  public void abortTransactionsStartedBefore(long deadlineMillis) {
    sessions.values().forEach(session -> session.abortIfStartedBefore(deadlineMillis));
  }

  /** The {@code lsid}s of the sessions held now. */
  public List<BsonDocument> lsids() {
    return sessions.values().stream().map(Session::lsid).toList();
  }

  public int size() {
    return sessions.size();
  }
}

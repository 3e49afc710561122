package io.tributary.engine.changestream;

import io.tributary.engine.oplog.Oplog;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.SessionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonTimestamp;

/**
 * A small in-memory {@link Oplog} for unit tests: entries get consecutive timestamps in second 100; waiters are
 * completed on the appending thread, like the commit sequencer does. Starts with one no-op, as a fresh node does.
 */
final class TestOplog implements Oplog {
  private final List<OplogEntry> entries = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private int increment;

  private record Waiter(BsonTimestamp after, CompletableFuture<BsonTimestamp> future) {}

  TestOplog() {
    append(new Operation.Noop(io.tributary.engine.Namespace.of("admin", "$cmd"), new org.bson.BsonDocument()));
  }

  OplogEntry append(Operation operation) {
    return append(operation, null);
  }

  OplogEntry append(Operation operation, SessionInfo session) {
    List<Waiter> ready = new ArrayList<>();
    OplogEntry entry;
    synchronized (this) {
      entry = new OplogEntry(new BsonTimestamp(100, ++increment), 1_700_000_000_000L + increment, operation,
          session);
      entries.add(entry);
      waiters.removeIf(w -> {
        if (w.future().isDone()) {
          return true;
        }
        if (entry.clusterTime().compareTo(w.after()) > 0) {
          ready.add(w);
          return true;
        }
        return false;
      });
    }
    ready.forEach(w -> w.future().complete(entry.clusterTime()));
    return entry;
  }

  /** Drops the oldest {@code count} entries, as retention does. */
  synchronized void truncate(int count) {
    entries.subList(0, count).clear();
  }

  synchronized int pendingWaiters() {
    waiters.removeIf(w -> w.future().isDone());
    return waiters.size();
  }

  @Override
  public synchronized List<OplogEntry> readAfter(BsonTimestamp after, int limit) {
    return entries.stream().filter(e -> e.clusterTime().compareTo(after) > 0).limit(limit).toList();
  }

  @Override
  public synchronized BsonTimestamp oldestRetained() {
    return entries.isEmpty() ? null : entries.get(0).clusterTime();
  }

  @Override
  public synchronized BsonTimestamp lastVisible() {
    return entries.isEmpty() ? new BsonTimestamp(0, 0) : entries.get(entries.size() - 1).clusterTime();
  }

  @Override
  public synchronized CompletableFuture<BsonTimestamp> whenVisibleAfter(BsonTimestamp after) {
    if (lastVisible().compareTo(after) > 0) {
      return CompletableFuture.completedFuture(lastVisible());
    }
    CompletableFuture<BsonTimestamp> future = new CompletableFuture<>();
    waiters.add(new Waiter(after, future));
    return future;
  }
}

package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.bson.BsonTimestamp;

/**
 * Waits of {@link CommitNotifier} for a write to one collection, or for any oplog entry (namespace null), from
 * tailable awaitData cursors, by namespace, so that the notifier's one oplog reader wakes them with the change
 * streams: an entry wakes the waiters of the collections its document operations write and those of any entry,
 * and any other entry (DDL: a drop, a rename) wakes every waiter, whose cursor then finds out for itself. Not thread-safe: guarded by the notifier, whose monitor is {@code lock}.
 */
final class CollectionWaiters {
  private final Object lock;
  private final Map<Namespace, Set<Waiter>> byNamespace = new HashMap<>();

  CollectionWaiters(Object lock) {
    this.lock = lock;
  }

  /** One wait; {@link #cancel} takes the notifier's lock. */
  final class Waiter implements CommitWait {
    private final Namespace namespace;
    private final BsonTimestamp after;
    private final Runnable onCommit;

    private Waiter(Namespace namespace, BsonTimestamp after, Runnable onCommit) {
      this.namespace = namespace;
      this.after = after;
      this.onCommit = onCommit;
    }

    @Override
    public void cancel() {
      synchronized (lock) {
        remove(this);
      }
    }
  }

  boolean isEmpty() {
    return byNamespace.isEmpty();
  }

  CommitWait add(Namespace namespace, BsonTimestamp after, Runnable onCommit) {
    Waiter waiter = new Waiter(namespace, after, onCommit);
    byNamespace.computeIfAbsent(namespace, n -> new LinkedHashSet<>()).add(waiter);
    return waiter;
  }

  /** Hands the waiters {@code entry} concerns to {@code worker}; their wait is over. */
  void wake(OplogEntry entry, Executor worker) {
    if (byNamespace.isEmpty()) {
      return;
    }
    List<Waiter> woken = new ArrayList<>();
    collect(byNamespace.get(null), entry.clusterTime(), woken);
    for (Operation operation : entry.operations()) {
      if (NamespaceActivity.isDocumentOperation(operation)) {
        collect(byNamespace.get(operation.namespace()), entry.clusterTime(), woken);
      } else {
        byNamespace.values().forEach(waiters -> collect(waiters, entry.clusterTime(), woken));
      }
    }
    woken.forEach(waiter -> {
      remove(waiter);
      worker.execute(waiter.onCommit);
    });
  }

  private static void collect(Set<Waiter> waiters, BsonTimestamp time, List<Waiter> woken) {
    if (waiters != null) {
      waiters.stream().filter(w -> w.after.compareTo(time) < 0 && !woken.contains(w)).forEach(woken::add);
    }
  }

  private void remove(Waiter waiter) {
    Set<Waiter> waiters = byNamespace.get(waiter.namespace);
    if (waiters != null && waiters.remove(waiter) && waiters.isEmpty()) {
      byNamespace.remove(waiter.namespace);
    }
  }
}

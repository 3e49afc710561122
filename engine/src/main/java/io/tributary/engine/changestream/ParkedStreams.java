package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.OplogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonTimestamp;

/**
 * The shapes of the open streams of a {@link CommitNotifier} with their parked streams, indexed by what they watch,
 * so that a new oplog entry costs one evaluation per shape that might see it plus one step per stream it wakes, and
 * nothing for the streams it leaves quiet. Not thread-safe: guarded by the notifier.
 *
 * <p>Implementation notes.
 * <ul>
 *   <li>Index: key (the namespace of a collection stream, the database of a database stream, {@link #CLUSTER})
 *       then shape. A document operation visits the groups of its namespace, its database and the cluster; any
 *       other operation (DDL, renames, no-ops: rare) visits every group. So a group that is not visited is one
 *       whose scope cannot see the entry.</li>
 *   <li>Evaluation: a visited group asks its shape once whether the entry yields anything
 *       ({@link SharedEvents#yieldsOutput}). If it does, every subscription parked before the entry is woken; if
 *       not, no subscription is touched: a parked filtered stream is quiet through the newest entry the notifier
 *       read. Every shape with open streams is evaluated, parked or not: its streams that are busy returning a batch
 *       read the entry back from the shape's memo rather than computing it each. A group also remembers the newest
 *       entry that yielded its shape anything, so a filtered stream that comes back late (a getMore re-issued after
 *       its client read the previous batch) jumps over what the reader found quiet instead of reading it again
 *       ({@link #quietThrough}); past the memo, it would compute every entry itself, fall further behind and make
 *       its next getMore costlier still.</li>
 *   <li>Unfiltered subscriptions (a resume token still to verify: the stream must read the entry itself) are woken
 *       by every entry of a visited group.</li>
 *   <li>A group links its subscriptions into a list through the subscriptions themselves, so parking and waking
 *       allocate nothing per stream.</li>
 * </ul>
 */
final class ParkedStreams {
  static final Object CLUSTER = new Object();

  private final Map<Object, Map<SharedEvents, Group>> byKey = new HashMap<>();
  private final List<Group> visiting = new ArrayList<>();
  private int size;

  /** One shape: its open streams, and its parked subscriptions linked through their {@code next}. */
  static final class Group {
    final SharedEvents shape;
    /**
     * Every entry after this time that the shape's scope might see is evaluated for the shape, in order; null if
     * unknown (a group that did not start with a stream's opening), and then its streams never skip by it.
     */
    final BsonTimestamp evaluatedAfter;
    /** The newest entry evaluated that yielded the shape anything (or whose evaluation failed); null if none. */
    BsonTimestamp lastYield;
    CommitNotifier.Subscription head;
    int streams;
    int size;
    int unfiltered;

    Group(SharedEvents shape, BsonTimestamp evaluatedAfter) {
      this.shape = shape;
      this.evaluatedAfter = evaluatedAfter;
    }
  }

  int size() {
    return size;
  }

  /**
   * A stream of {@code shape} opened: the shape is evaluated for every entry after {@code last} (the newest entry
   * read) that it might see.
   */
  void open(SharedEvents shape, BsonTimestamp last) {
    group(shape, last).streams++;
  }

  /** A stream of {@code shape} closed. */
  void close(SharedEvents shape) {
    Group group = group(shape, null);
    group.streams--;
    forgetIfUnused(group);
  }

  void add(CommitNotifier.Subscription subscription) {
    Group group = group(subscription.shape, null);
    subscription.group = group;
    subscription.next = group.head;
    if (group.head != null) {
      group.head.previous = subscription;
    }
    group.head = subscription;
    group.size++;
    group.unfiltered += subscription.filtered ? 0 : 1;
    size++;
  }

  void remove(CommitNotifier.Subscription subscription) {
    Group group = subscription.group;
    if (group == null) {
      return;
    }
    if (subscription.previous != null) {
      subscription.previous.next = subscription.next;
    } else {
      group.head = subscription.next;
    }
    if (subscription.next != null) {
      subscription.next.previous = subscription.previous;
    }
    subscription.group = null;
    subscription.previous = null;
    subscription.next = null;
    group.unfiltered -= subscription.filtered ? 0 : 1;
    size--;
    group.size--;
    forgetIfUnused(group);
  }

  /** The group of {@code shape}, created if none (evaluated after {@code last}, null if unknown). */
  private Group group(SharedEvents shape, BsonTimestamp last) {
    return byKey.computeIfAbsent(key(shape.scope()), k -> new HashMap<>())
        .computeIfAbsent(shape, s -> new Group(s, last));
  }

  /**
   * How far a filtered stream of {@code shape} that has read up to {@code position} may skip: through {@code last}
   * (the newest entry read) if every entry after {@code position} was evaluated for the shape and none yielded it
   * anything, else {@code position}.
   */
  BsonTimestamp quietThrough(SharedEvents shape, BsonTimestamp position, BsonTimestamp last) {
    Map<SharedEvents, Group> groups = byKey.get(key(shape.scope()));
    Group group = groups == null ? null : groups.get(shape);
    if (group == null || group.evaluatedAfter == null || position.compareTo(group.evaluatedAfter) < 0
        || group.lastYield != null && group.lastYield.compareTo(position) > 0) {
      return position;
    }
    return last;
  }

  private void forgetIfUnused(Group group) {
    if (group.streams > 0 || group.size > 0) {
      return;
    }
    Object key = key(group.shape.scope());
    Map<SharedEvents, Group> groups = byKey.get(key);
    groups.remove(group.shape);
    if (groups.isEmpty()) {
      byKey.remove(key);
    }
  }

  /**
   * Moves the subscriptions that {@code entry} concerns into {@code ready}; their wait is over. {@code quietBefore}
   * is the entry read before it: a woken filtered stream is known quiet up to there.
   */
  void wake(OplogEntry entry, BsonTimestamp quietBefore, List<CommitNotifier.Subscription> ready) {
    collectVisited(entry);
    for (Group group : visiting) {
      wake(group, entry, quietBefore, ready);
    }
    visiting.clear();
  }

  private void wake(Group group, OplogEntry entry, BsonTimestamp quietBefore,
      List<CommitNotifier.Subscription> ready) {
    boolean yields = yieldsOutput(group.shape, entry);
    BsonTimestamp time = entry.clusterTime();
    if (yields) {
      group.lastYield = time;
    }
    if (group.size == 0 || !yields && group.unfiltered == 0) {
      return;
    }
    for (CommitNotifier.Subscription s = group.head, next; s != null; s = next) {
      next = s.next;
      if ((yields || !s.filtered) && s.after.compareTo(time) < 0) {
        remove(s);
        if (s.filtered && s.after.compareTo(quietBefore) < 0) {
          s.after = quietBefore;
        }
        ready.add(s);
      }
    }
  }

  private static boolean yieldsOutput(SharedEvents shape, OplogEntry entry) {
    try {
      return shape.yieldsOutput(entry);
    } catch (RuntimeException e) {
      return true; // the streams meet the failure themselves when they read the entry
    }
  }

  /** Fills {@link #visiting} with the groups whose scope might see {@code entry}, each once. */
  private void collectVisited(OplogEntry entry) {
    List<Operation> operations = entry.operations();
    if (operations.size() == 1 && NamespaceActivity.isDocumentOperation(operations.get(0))) {
      Namespace namespace = operations.get(0).namespace();
      visit(namespace);
      visit(namespace.db());
      visit(CLUSTER);
      return;
    }
    Set<Object> keys = new HashSet<>(); // a transaction (or a rare command): each key once
    for (Operation operation : operations) {
      if (!NamespaceActivity.isDocumentOperation(operation)) {
        byKey.values().forEach(groups -> visiting.addAll(groups.values()));
        return;
      }
      keys.add(operation.namespace());
      keys.add(operation.namespace().db());
    }
    keys.add(CLUSTER);
    keys.forEach(this::visit);
  }

  private void visit(Object key) {
    Map<SharedEvents, Group> groups = byKey.get(key);
    if (groups != null) {
      visiting.addAll(groups.values());
    }
  }

  private static Object key(ChangeStreamScope scope) {
    if (scope instanceof ChangeStreamScope.Collection collection) {
      return collection.namespace();
    }
    return scope instanceof ChangeStreamScope.Database database ? database.db() : CLUSTER;
  }
}

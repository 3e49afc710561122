package io.tributary.engine.changestream;

import io.tributary.engine.Namespace;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.OplogEntry;
import java.util.HashMap;
import java.util.Map;
import org.bson.BsonTimestamp;

/**
 * When each namespace was last written, over the oplog entries read since a start time: what lets a change stream
 * know, without scanning, that a stretch of the oplog holds nothing it {@linkplain ChangeStreamScope#sees sees}.
 * Not thread-safe: guarded by its {@link CommitNotifier}.
 *
 * <p>Implementation notes. The answer must be conservative (never "quiet" when the stream would see an entry):
 * document operations ({@code i u r d}, also inside a transaction) mark their collection and database; every other
 * operation (DDL, renames whose target may be anywhere, {@code dropDatabase}, no-ops) is rare and marks every
 * stream at once. A cluster-wide
 * stream sees any document operation, so it counts every entry.
 */
final class NamespaceActivity {
  private final BsonTimestamp from;
  private final Map<Namespace, BsonTimestamp> collections = new HashMap<>();
  private final Map<String, BsonTimestamp> databases = new HashMap<>();
  private BsonTimestamp lastCommand;
  private BsonTimestamp last;

  /** Activity over the entries after {@code from}, none read yet. */
  NamespaceActivity(BsonTimestamp from) {
    this.from = from;
    this.lastCommand = from;
    this.last = from;
  }

  /** Records an entry read (every operation of a transaction); entries come in cluster-time order. */
  void record(OplogEntry entry) {
    BsonTimestamp time = entry.clusterTime();
    for (Operation operation : entry.operations()) {
      if (isDocumentOperation(operation)) {
        collections.put(operation.namespace(), time);
        databases.put(operation.namespace().db(), time);
      } else {
        lastCommand = time;
      }
    }
    last = time;
  }

  /** The time of the newest entry read. */
  BsonTimestamp last() {
    return last;
  }

  /** The time of the newest entry read that {@code scope} might see, or the start time if none. */
  BsonTimestamp lastSeenBy(ChangeStreamScope scope) {
    BsonTimestamp written;
    if (scope instanceof ChangeStreamScope.Collection collection) {
      written = collections.getOrDefault(collection.namespace(), from);
    } else if (scope instanceof ChangeStreamScope.Database database) {
      written = databases.getOrDefault(database.db(), from);
    } else {
      written = last;
    }
    return written.compareTo(lastCommand) > 0 ? written : lastCommand;
  }

  /**
   * How far a stream of {@code scope} that has read up to {@code position} may skip: the newest entry read if
   * nothing after {@code position} concerns it, else {@code position} itself.
   */
  BsonTimestamp quietUntil(ChangeStreamScope scope, BsonTimestamp position) {
    if (position.compareTo(from) < 0 || position.compareTo(last) >= 0
        || lastSeenBy(scope).compareTo(position) > 0) {
      return position;
    }
    return last;
  }

  static boolean isDocumentOperation(Operation operation) {
    return operation instanceof Operation.Insert || operation instanceof Operation.Update
        || operation instanceof Operation.Replace || operation instanceof Operation.Delete;
  }
}

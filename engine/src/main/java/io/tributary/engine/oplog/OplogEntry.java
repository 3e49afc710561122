package io.tributary.engine.oplog;

import java.util.List;
import org.bson.BsonTimestamp;

/**
 * One committed change, the unit of replication and of change streams. Entries are written in the same atomic
 * storage batch as the change they describe, keyed by {@link #clusterTime}, which the commit sequencer assigns
 * strictly increasing across the whole deployment. Immutable.
 *
 * <p>A multi-document transaction is one entry ({@link Operation.ApplyOps}): all its operations share one
 * cluster time, as in mongod. One too large for a single stored entry is stored as several
 * ({@link TransactionChain}), but readers of the {@link Oplog} still get it as one entry at the commit's time.
 *
 * @param clusterTime the logical time of the commit; unique per entry
 * @param wallTimeMillis the wall-clock time of the commit (an event's {@code wallTime})
 * @param operation what changed
 * @param session the session of the write, or null; change events copy {@code lsid}/{@code txnNumber} only for
 *     entries that are part of a multi-document transaction
 */
public record OplogEntry(BsonTimestamp clusterTime, long wallTimeMillis, Operation operation,
    SessionInfo session) {

  /**
   * The operations this entry records, in order: a transaction's ({@link Operation.ApplyOps}), else its one
   * operation. Position {@code i} is the {@code txnOpIndex} of the events it yields.
   */
  public List<Operation> operations() {
    return operation instanceof Operation.ApplyOps applyOps ? applyOps.operations() : List.of(operation);
  }
}

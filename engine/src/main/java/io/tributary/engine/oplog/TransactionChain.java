package io.tributary.engine.oplog;

import org.bson.BsonTimestamp;

/**
 * The place of one stored entry in a transaction written as several {@code applyOps} entries, as mongod 4.2+ writes
 * a transaction over 16 MB: every entry but the last is {@code partialTxn: true}; each links to the one before it
 * by {@code prevOpTime} (the first to none); the last is the commit and records the transaction's operation
 * {@code count}. The entries are consecutive in the oplog, written in one atomic batch. Immutable.
 *
 * @param prevOpTime the cluster time of the transaction's previous entry, null for its first
 * @param partialTxn whether more entries of the transaction follow (false for the commit)
 * @param count on the commit, how many operations the whole transaction has; 0 on the others
 */
public record TransactionChain(BsonTimestamp prevOpTime, boolean partialTxn, long count) {
  public TransactionChain {
    if (partialTxn == (count != 0) || (!partialTxn && prevOpTime == null)) {
      throw new IllegalArgumentException("not a link of a transaction chain: " + prevOpTime + " " + partialTxn
          + " " + count);
    }
  }

  /** An entry followed by more of its transaction. */
  public static TransactionChain partial(BsonTimestamp prevOpTime) {
    return new TransactionChain(prevOpTime, true, 0);
  }

  /** The last entry, which commits the transaction of {@code count} operations. */
  public static TransactionChain commit(BsonTimestamp prevOpTime, long count) {
    return new TransactionChain(prevOpTime, false, count);
  }
}

package io.tributary.engine.oplog;

import java.util.ArrayList;
import java.util.List;

/**
 * How a committed transaction's operations are packed into {@code applyOps} entries, as mongod's
 * {@code packOperationsIntoApplyOps} does: an entry takes operations in order until it holds
 * {@code maxOperations} ({@code maxNumberOfTransactionOperationsInSingleOplogEntry}) or the next one would take its
 * operations past {@code maxBytes} (16 MB, the BSON document limit); an operation larger than that gets an entry of
 * its own. Immutable.
 */
public record TransactionPacking(int maxOperations, long maxBytes) {
  /** mongod's {@code BSONObjMaxUserSize}. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;
  public static final TransactionPacking DEFAULT = new TransactionPacking(Integer.MAX_VALUE, MAX_BYTES);

  public TransactionPacking {
    if (maxOperations < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("limits must be positive: " + maxOperations + ", " + maxBytes);
    }
  }

  /**
   * Whether a transaction of {@code operations} whose whole entry encodes to {@code entryBytes} is one entry: the
   * common case, decided without measuring each operation (the entry's other fields only make it conservative).
   */
  boolean fitsOneEntry(List<Operation> operations, int entryBytes) {
    return operations.size() <= maxOperations && entryBytes <= maxBytes;
  }

  /** The operations of each entry, in order; every list is non-empty. */
  List<List<Operation>> pack(List<Operation> operations) {
    List<List<Operation>> entries = new ArrayList<>();
    List<Operation> current = new ArrayList<>();
    long bytes = 0;
    for (Operation operation : operations) {
      int size = OplogEntryCodec.applyOpsElementSize(operation);
      if (!current.isEmpty() && (current.size() == maxOperations || bytes + size > maxBytes)) {
        entries.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(operation);
      bytes += size;
    }
    entries.add(current);
    return entries;
  }
}

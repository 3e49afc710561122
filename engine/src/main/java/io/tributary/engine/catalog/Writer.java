package io.tributary.engine.catalog;

import io.tributary.engine.oplog.CommitSequencer;
import io.tributary.engine.oplog.SessionInfo;
import io.tributary.engine.storage.StorageEngine;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs write work: one {@link WriteUnit} at a time, so a write's reads (the document to update, the index
 * entries to check) and its commit form one serializable step. The unit is committed through the
 * {@link CommitSequencer} (one atomic batch with its oplog entries) and its catalog changes are published
 * afterwards. If the work throws, nothing is written. Commits are not synced here: a command that must
 * acknowledge durable writes calls {@link CommitSequencer#syncNow()} once after all its commits, outside the
 * lock, so concurrent writers share syncs. Thread-safe.
 */
public final class Writer {
  private final Catalog catalog;
  private final StorageEngine storage;
  private final CommitSequencer sequencer;
  private final ReentrantLock lock = new ReentrantLock();

  public Writer(Catalog catalog, StorageEngine storage, CommitSequencer sequencer) {
    this.catalog = catalog;
    this.storage = storage;
    this.sequencer = sequencer;
  }

  /**
   * Runs {@code work} on a fresh unit and commits what it staged.
   *
   * @param session recorded on the unit's oplog entries, or null
   */
  public <T> T write(SessionInfo session, Function<WriteUnit, T> work) {
    T result;
    lock.lock();
    try {
      WriteUnit unit = new WriteUnit(catalog, storage);
      result = work.apply(unit);
      sequencer.commit(unit.batch(), unit.operations(), session);
      catalog.apply(unit.catalogChanges());
    } finally {
      lock.unlock();
    }
    return result;
  }
}

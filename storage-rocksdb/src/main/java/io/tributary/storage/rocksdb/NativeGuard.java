package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.StorageException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import org.rocksdb.RocksDBException;

/**
 * Keeps native RocksDB handles from being used after they are freed, which would crash the JVM rather than throw.
 * Every native call runs under the read side of a lock; closing the database takes the write side, so it waits for
 * calls in flight, then frees the dependent resources still open (iterators, snapshots) before the database itself.
 * Later calls fail with {@link IllegalStateException}. Thread-safe.
 */
final class NativeGuard {
  /** A native resource that depends on the open database. */
  interface Dependent {
    /** Frees the native memory; called exactly once, under the guard. */
    void free();
  }

  /** A native call returning a value. */
  interface Call<T> {
    T call() throws RocksDBException;
  }

  /** A native call. */
  interface Action {
    void run() throws RocksDBException;
  }

  private final StampedLock lock = new StampedLock();
  private final Set<Dependent> dependents = ConcurrentHashMap.newKeySet();
  private boolean closed; // written under the write lock, read under either lock

  <T> T call(Call<T> call) {
    long stamp = lock.readLock();
    try {
      checkOpen();
      return call.call();
    } catch (RocksDBException e) {
      throw failure(e);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  void run(Action action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  /** Creates a dependent resource, to be freed by {@link #release} or, at the latest, by {@link #close}. */
  <T extends Dependent> T register(Call<T> create) {
    return call(() -> {
      T dependent = create.call();
      dependents.add(dependent);
      return dependent;
    });
  }

  /** Frees a dependent resource unless already freed; idempotent and allowed after close. */
  void release(Dependent dependent) {
    long stamp = lock.readLock();
    try {
      if (dependents.remove(dependent)) {
        dependent.free();
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** How many dependents are open: a leak check for tests. */
  int openDependents() {
    return dependents.size();
  }

  /** Waits for calls in flight, frees open dependents, then runs {@code closeDatabase}; idempotent. */
  void close(Action closeDatabase) {
    long stamp = lock.writeLock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      dependents.forEach(Dependent::free);
      dependents.clear();
      closeDatabase.run();
    } catch (RocksDBException e) {
      throw failure(e);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("storage engine is closed");
    }
  }

  static StorageException failure(RocksDBException e) {
    return new StorageException("rocksdb: " + e.getMessage(), e);
  }
}

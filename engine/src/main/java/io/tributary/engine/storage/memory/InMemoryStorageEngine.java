package io.tributary.engine.storage.memory;

import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import java.util.Arrays;
import java.util.Locale;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * The in-memory storage engine: multi-version, not durable. Thread-safe; reads never block and never see a
 * partially applied batch.
 *
 * <p>Implementation notes:
 * <ul>
 *   <li>The whole database is one immutable {@link State}: a {@link PersistentSortedMap} per key space. A batch
 *       builds the next state by path copying (sharing every untouched node) and publishes it with one volatile
 *       write, so it becomes visible atomically, and batches become visible in the order {@code write} returns.</li>
 *   <li>A snapshot is a reference to a state: taking one is O(1), it needs no registration or pruning, and the
 *       versions it holds are reclaimed by the garbage collector once it is unreachable.</li>
 *   <li>Plain reads read the latest state; a plain scan iterates over the state current when it began.</li>
 *   <li>Writers serialize on the engine's monitor (the commit sequencer already serializes them); readers take no
 *       lock. Keys and values are copied on write, so callers may reuse their arrays.</li>
 * </ul>
 */
public final class InMemoryStorageEngine implements StorageEngine {
  private static final KeySpace[] SPACES = KeySpace.values();

  /** One immutable version of the database; {@code maps} is indexed by key space ordinal and never mutated. */
  private record State(PersistentSortedMap[] maps, long batches) {
    PersistentSortedMap map(KeySpace space) {
      return maps[space.ordinal()];
    }
  }

  private volatile State state;
  private volatile boolean closed;

  public InMemoryStorageEngine() {
    PersistentSortedMap[] maps = new PersistentSortedMap[SPACES.length];
    Arrays.fill(maps, PersistentSortedMap.EMPTY);
    state = new State(maps, 0);
  }

  @Override
  public String name() {
    return "inMemory";
  }

  @Override
  public boolean isDurable() {
    return false;
  }

  @Override
  public synchronized void write(WriteBatch batch) {
    State current = open();
    PersistentSortedMap[] maps = current.maps.clone();
    for (WriteBatch.Mutation m : batch.mutations()) {
      int i = m.space().ordinal();
      byte[] key = m.key().clone();
      maps[i] = m.value() == null ? maps[i].without(key) : maps[i].with(key, m.value().clone());
    }
    state = new State(maps, current.batches + 1); // the single publication point of the batch
  }

  @Override
  public synchronized void deleteRange(KeySpace space, byte[] fromInclusive, byte[] toExclusive) {
    State current = open();
    PersistentSortedMap[] maps = current.maps.clone();
    int i = space.ordinal();
    try (KeyValueIterator it = maps[i].scan(fromInclusive, toExclusive, false)) {
      it.forEachRemaining(kv -> maps[i] = maps[i].without(kv.key()));
    }
    state = new State(maps, current.batches + 1);
  }

  @Override
  public long approximateSize(KeySpace space, byte[] fromInclusive, byte[] toExclusive) {
    return open().map(space).bytes(fromInclusive, toExclusive);
  }

  /** Exact and O(1): every tree keeps its size. */
  @Override
  public long approximateCount(KeySpace space) {
    return open().map(space).size();
  }

    /** Returns at once: nothing here is durable. */
  @Override
  public void sync() {
    open();
  }

  @Override
  public byte[] get(KeySpace space, byte[] key) {
    return open().map(space).get(key);
  }

  @Override
  public KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
    return open().map(space).scan(fromInclusive, toExclusive, reverse);
  }

  @Override
  public Snapshot snapshot() {
    State pinned = open();
    return new Snapshot() {
      @Override
      public byte[] get(KeySpace space, byte[] key) {
        open();
        return pinned.map(space).get(key);
      }

      @Override
      public KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
        open();
        return pinned.map(space).scan(fromInclusive, toExclusive, reverse);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public BsonDocument stats() {
    State current = open();
    BsonDocument spaces = new BsonDocument();
    for (KeySpace space : SPACES) {
      PersistentSortedMap map = current.map(space);
      spaces.append(space.name().toLowerCase(Locale.ROOT),
          new BsonDocument("keys", new BsonInt64(map.size())).append("bytes", new BsonInt64(map.bytes())));
    }
    return new BsonDocument("keySpaces", spaces).append("batches", new BsonInt64(current.batches));
  }

  /** Idempotent; afterwards every operation, including reads of open snapshots, fails. */
  @Override
  public void close() {
    closed = true;
  }

  private State open() {
    if (closed) {
      throw new IllegalStateException("storage engine is closed");
    }
    return state;
  }
}

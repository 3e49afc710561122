package io.tributary.engine.changestream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * What the oplog's recent entries became for one stream <em>shape</em> (database, target, {@code $changeStream}
 * options other than the start point, and the stages after it): every stream of that shape turns an entry into the
 * same events and runs the same stages on them, so the first stream to reach an entry builds its events and
 * outputs, and the others reuse them (the event documents are built, filtered and encoded once). Thread-safe.
 *
 * <p>Implementation notes. Streams of one shape woken by the same commit read the same entries within moments, so a
 * short memo of the newest entries suffices; a lagging stream misses it and computes for itself. The outputs are
 * shared: nobody may modify a produced document (the reply only encodes it). A shape is registered while a cursor
 * uses it ({@link #release} on close), so the registry holds only live shapes.
 */
final class SharedEvents {
  private static final int REMEMBERED_ENTRIES = 256;

  /** One event of an entry with what the stream's stages made of it. */
  record Produced(ChangeEvent event, List<StreamOutput> outputs) {}

  private final Registry registry;
  private final BsonDocument shape;
  private final Map<BsonTimestamp, List<Produced>> recent = new LinkedHashMap<>() { // guarded by this
    @Override
    protected boolean removeEldestEntry(Map.Entry<BsonTimestamp, List<Produced>> eldest) {
      return size() > REMEMBERED_ENTRIES;
    }
  };
  private int users; // guarded by the registry's map entry

  private SharedEvents(Registry registry, BsonDocument shape) {
    this.registry = registry;
    this.shape = shape;
  }

  /** The events of the entry at {@code time}, computed by {@code produce} unless a stream of this shape did. */
  List<Produced> produce(BsonTimestamp time, Supplier<List<Produced>> produce) {
    synchronized (this) {
      List<Produced> known = recent.get(time);
      if (known != null) {
        return known;
      }
    }
    // Computed outside the lock: two streams may race to compute the same entry, with equal results.
    List<Produced> produced = produce.get();
    synchronized (this) {
      recent.putIfAbsent(time, produced);
    }
    return produced;
  }

  /** The cursor no longer uses this shape. */
  void release() {
    registry.shapes.computeIfPresent(shape, (key, shared) -> --shared.users == 0 ? null : shared);
  }

  /** The shapes of the open streams. Thread-safe. */
  static final class Registry {
    private final Map<BsonDocument, SharedEvents> shapes = new ConcurrentHashMap<>();

    /** The shared events of {@code shape}, counted as used until {@link SharedEvents#release}. */
    SharedEvents acquire(BsonDocument shape) {
      return shapes.compute(shape, (key, shared) -> {
        SharedEvents events = shared != null ? shared : new SharedEvents(this, key);
        events.users++;
        return events;
      });
    }

    /** Distinct shapes of open streams; a gauge for tests. */
    int size() {
      return shapes.size();
    }
  }
}

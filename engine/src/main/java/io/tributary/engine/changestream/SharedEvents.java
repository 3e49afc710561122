package io.tributary.engine.changestream;

import io.tributary.engine.oplog.OplogEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What the oplog's recent entries became for one stream <em>shape</em> (database, target, {@code $changeStream}
 * options other than the start point, and the stages after it): every stream of that shape turns an entry into the
 * same events and runs the same stages on them, so the shape does it once and its streams share the outputs (the
 * event documents are built, filtered and encoded once). Thread-safe.
 *
 * <p>Implementation notes. The events themselves come from the {@link SharedTransform} of the shape's scope and
 * options, shared with the shapes that differ only in their stages. The {@link CommitNotifier} evaluates each new
 * entry once per shape of its parked streams ({@link #yieldsOutput}) and the streams it wakes read the result back
 * from a short memo ({@link RecentEntries}); a lagging stream misses it and computes for itself. The outputs are
 * shared: nobody may modify a produced document (the reply only encodes it). A shape is registered while a cursor
 * uses it ({@link #release} on close), so the registry holds only live shapes.
 */
final class SharedEvents {
  /** One event of an entry with what the stream's stages made of it. */
  record Produced(ChangeEvent event, List<StreamOutput> outputs) {}

  private final Registry registry;
  private final BsonDocument key;
  private final SharedTransform events;
  private final ChangeStreamPipeline pipeline;
  private final String database;
  private final RecentEntries<List<Produced>> recent = new RecentEntries<>();
  private int users; // guarded by the registry

  private SharedEvents(Registry registry, BsonDocument key, SharedTransform events, ChangeStreamPipeline pipeline,
      String database) {
    this.registry = registry;
    this.key = key;
    this.events = events;
    this.pipeline = pipeline;
    this.database = database;
  }

  /** What the streams of this shape watch. */
  ChangeStreamScope scope() {
    return events.scope();
  }

  /** The events of {@code entry} with their outputs, computed once for every stream of this shape. */
  List<Produced> produce(OplogEntry entry) {
    return recent.computeIfAbsent(entry.clusterTime(), () -> compute(entry));
  }

  /** Whether {@code entry} gives a stream of this shape anything to return (an output, or the end of the stream). */
  boolean yieldsOutput(OplogEntry entry) {
    for (Produced p : produce(entry)) {
      if (p.event().invalidate() || !p.outputs().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private List<Produced> compute(OplogEntry entry) {
    List<ChangeEvent> entryEvents = events.transform(entry);
    if (entryEvents.isEmpty()) {
      return List.of();
    }
    EventContext context = new EventContext(database, new BsonDateTime(registry.clock.millis()),
        entry.clusterTime());
    List<Produced> produced = new ArrayList<>(entryEvents.size());
    for (ChangeEvent event : entryEvents) {
      produced.add(new Produced(event, pipeline.apply(event, context)));
    }
    return produced;
  }

  /** The cursor no longer uses this shape. */
  void release() {
    registry.release(this);
  }

  /** The shapes of the open streams, and the event transforms they share. Thread-safe. */
  static final class Registry {
    private final Clock clock;
    private final Map<BsonDocument, SharedEvents> shapes = new HashMap<>(); // guarded by this
    private final Map<BsonDocument, SharedTransform> transforms = new HashMap<>(); // guarded by this

    Registry(Clock clock) {
      this.clock = clock;
    }

    /**
     * The shape of the streams on {@code database} with {@code transform} (scope and options, everything but the
     * start point) and {@code stages}, counted as used until {@link SharedEvents#release}. The transformer and the
     * pipeline are used only if no open stream has this shape yet.
     */
    synchronized SharedEvents acquire(String database, BsonDocument transform, BsonValue stages,
        EventTransformer transformer, ChangeStreamPipeline pipeline) {
      BsonDocument key = new BsonDocument("transform", transform).append("stages", stages);
      SharedEvents shape = shapes.get(key);
      if (shape == null) {
        SharedTransform events = transforms.computeIfAbsent(transform, k -> new SharedTransform(transformer));
        events.acquire();
        shape = new SharedEvents(this, key, events, pipeline, database);
        shapes.put(key, shape);
      }
      shape.users++;
      return shape;
    }

    private synchronized void release(SharedEvents shape) {
      if (--shape.users == 0) {
        shapes.remove(shape.key);
        if (shape.events.release()) {
          transforms.remove(shape.key.getDocument("transform"));
        }
      }
    }

    /** Distinct shapes of open streams; a gauge for tests. */
    synchronized int size() {
      return shapes.size();
    }

    /** Distinct event transforms of open streams; a gauge for tests. */
    synchronized int transforms() {
      return transforms.size();
    }
  }
}

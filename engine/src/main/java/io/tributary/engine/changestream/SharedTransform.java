package io.tributary.engine.changestream;

import io.tributary.engine.oplog.OplogEntry;
import java.util.List;

/**
 * The change events of the oplog's recent entries for every stream with one scope and one set of
 * {@code $changeStream} options (whatever their later stages): an entry's events, resume tokens included, are
 * built once and shared by all their {@link SharedEvents stream shapes}. Thread-safe if the transformer's lookup is.
 *
 * <p>The events are shared: nobody may modify their documents (stages copy what they change).
 */
final class SharedTransform {
  private final EventTransformer transformer;
  private final RecentEntries<List<ChangeEvent>> recent = new RecentEntries<>();
  private int users; // guarded by the registry

  SharedTransform(EventTransformer transformer) {
    this.transformer = transformer;
  }

  ChangeStreamScope scope() {
    return transformer.scope();
  }

  /** The events of {@code entry}, built by the first stream shape to ask for them. */
  List<ChangeEvent> transform(OplogEntry entry) {
    return recent.computeIfAbsent(entry.clusterTime(), () -> transformer.transform(entry));
  }

  /** Counts one more stream shape using these events. Called holding the registry's lock. */
  void acquire() {
    users++;
  }

  /** One stream shape no longer uses these events; true if none does. Called holding the registry's lock. */
  boolean release() {
    return --users == 0;
  }
}

package io.tributary.engine.cursor;

import io.tributary.engine.command.ServerLimits;

/**
 * The byte limit of one reply batch, as mongod fills it: the documents of a batch total at most
 * {@link ServerLimits#MAX_BSON_OBJECT_SIZE}, but a batch always takes its first document even if that alone is
 * larger. One per batch; not thread-safe.
 */
public final class BatchBudget {
  private long bytes;
  private boolean empty = true;

  /** True when a document of {@code size} bytes still fits in this batch. */
  public boolean admits(int size) {
    return empty || bytes + size <= ServerLimits.MAX_BSON_OBJECT_SIZE;
  }

  /** Counts a document of {@code size} bytes taken into the batch. */
  public void add(int size) {
    bytes += size;
    empty = false;
  }
}

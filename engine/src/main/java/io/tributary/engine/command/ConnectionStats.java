package io.tributary.engine.command;

import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;

/**
 * Counts client connections: hands out connection ids (from 1) and reports {@code serverStatus.connections}.
 * The network layer calls {@link #opened()} and {@link #closed()}. Thread-safe.
 */
public final class ConnectionStats {
  // mongod derives "available" from its connection limit; it defaults to 1000000 (bounded by the fd limit).
  private static final long MAX_INCOMING_CONNECTIONS = 1_000_000;

  private final AtomicLong totalCreated = new AtomicLong();
  private final AtomicLong current = new AtomicLong();

  /** Records a new connection and returns its id. */
  public long opened() {
    current.incrementAndGet();
    return totalCreated.incrementAndGet();
  }

  public void closed() {
    current.decrementAndGet();
  }

  public long current() {
    return current.get();
  }

  /** {@code {current, available, totalCreated}} as {@code serverStatus} reports it. */
  public BsonDocument toDocument() {
    long now = current.get();
    return new BsonDocument("current", new BsonInt32((int) now))
        .append("available", new BsonInt32((int) (MAX_INCOMING_CONNECTIONS - now)))
        .append("totalCreated", new BsonInt64(totalCreated.get()));
  }
}

package io.tributary.junit5;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;

/**
 * A change stream that is already live, with bounded waits for its events, so tests of code that writes (or that
 * reacts to change streams) need no {@code sleep}.
 *
 * <p>Why it is live: {@link #open} returns only after the driver's {@code aggregate} with {@code $changeStream} has
 * been answered. By then the server has fixed the stream's start point after every write it had acknowledged, so
 * every write made after {@code open} returns is seen, and none made before is. No wait, poll or retry is needed
 * to "let the stream start".
 *
 * <p>Why the waits are bounded: {@link #next()} waits for an event for at most the timeout ({@value
 * #DEFAULT_TIMEOUT_SECONDS} seconds by default) and then fails the test with an {@link AssertionError}, instead of
 * hanging the build when the code under test never writes. The timeout is a guard, not a measurement: a passing
 * test never waits for it.
 *
 * <p>Not thread-safe, like the driver's cursor: use it from one thread.
 */
public final class LiveChangeStream<T> implements AutoCloseable {
  static final long DEFAULT_TIMEOUT_SECONDS = 30;

  private final MongoChangeStreamCursor<ChangeStreamDocument<T>> cursor;
  private final Duration timeout;

  private LiveChangeStream(MongoChangeStreamCursor<ChangeStreamDocument<T>> cursor, Duration timeout) {
    this.cursor = cursor;
    this.timeout = timeout;
  }

  /** Starts {@code changeStream} (e.g. {@code collection.watch()}) on the server; it is live when this returns. */
  public static <T> LiveChangeStream<T> open(ChangeStreamIterable<T> changeStream) {
    return open(changeStream, Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS));
  }

  /** Like {@link #open(ChangeStreamIterable)}, failing waits after {@code timeout}. */
  public static <T> LiveChangeStream<T> open(ChangeStreamIterable<T> changeStream, Duration timeout) {
    return new LiveChangeStream<>(changeStream.cursor(), timeout);
  }

  /** The next event; fails the test if none arrives within the timeout or the stream has ended. */
  public ChangeStreamDocument<T> next() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ChangeStreamDocument<T> event = cursor.tryNext();
      if (event != null) {
        return event;
      }
      if (cursor.getServerCursor() == null) {
        throw new AssertionError("the change stream has ended (invalidated or closed); no further event");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("no change event within " + timeout);
      }
    }
  }

  /** The next {@code count} events, in order; fails like {@link #next()}. */
  public List<ChangeStreamDocument<T>> next(int count) {
    List<ChangeStreamDocument<T>> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(next());
    }
    return events;
  }

  /** The token to resume after the last event returned, or the stream's latest {@code postBatchResumeToken}. */
  public BsonDocument resumeToken() {
    return cursor.getResumeToken();
  }

  @Override
  public void close() {
    cursor.close();
  }
}

package io.tributary.cli;

import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Follows one change stream for as long as it lasts, handing each event to a consumer and then its token to a
 * position sink, and reopening the stream from the last position after any resumable failure.
 *
 * <p>Implementation notes. The position is the token of the last event handed out or, whenever the driver has no
 * event to hand out, the stream's resume token (its {@code postBatchResumeToken}, which advances as other
 * namespaces are written, so an idle, filtered consumer does not fall out of the oplog). On opening, the follower
 * asks for a first event before it reports the stream live: if there is none, the position is saved at once, so a
 * crash before the first event cannot become a restart from "now" that skips what happened in between. An event is handed out before its position is saved: a crash between the two
 * repeats that one event on restart, it never skips one. A stop request is honoured only between events, so a
 * stopped follower has saved the position of every event it handed out. Backoff waits on the stop latch, so
 * stopping never waits out a backoff. Single-threaded, apart from {@link #stop()} which any thread may call.
 */
final class ChangeStreamFollower {
  /** Why {@link #follow} returned. */
  enum Outcome {
    /** The stream ended: an invalidate event, or the server closed the cursor. */
    ENDED,
    /** {@link #stop()} was called. */
    STOPPED,
    /** The resume point is no longer in the oplog ({@code ChangeStreamHistoryLost}). */
    HISTORY_LOST,
    /** A failure that resuming cannot fix. */
    FAILED
  }

  private static final BsonString INVALIDATE = new BsonString("invalidate");

  private final Function<BsonDocument, MongoChangeStreamCursor<BsonDocument>> opener;
  private final Consumer<BsonDocument> events;
  private final Consumer<BsonDocument> positions;
  private final PrintWriter err;
  private final Backoff backoff;
  private final String description;
  private final CountDownLatch stop = new CountDownLatch(1);
  private BsonDocument position;

  /**
   * @param opener opens the stream after a token, or from its own start options when the token is null
   * @param events receives each event
   * @param positions receives each new position (a resume token) after the event that produced it
   * @param err where progress and failures are reported
   * @param description what is watched, for messages
   */
  ChangeStreamFollower(Function<BsonDocument, MongoChangeStreamCursor<BsonDocument>> opener,
      Consumer<BsonDocument> events, Consumer<BsonDocument> positions, PrintWriter err, Backoff backoff,
      String description) {
    this.opener = opener;
    this.events = events;
    this.positions = positions;
    this.err = err;
    this.backoff = backoff;
    this.description = description;
  }

  /** Follows the stream from {@code start} (a resume token, or null for the opener's own start) until it ends. */
  Outcome follow(BsonDocument start) {
    position = start;
    boolean opened = false;
    int failures = 0;
    while (!stopped()) {
      try (MongoChangeStreamCursor<BsonDocument> cursor = opener.apply(position)) {
        BsonDocument first = cursor.tryNext();
        if (first == null) {
          advanceToResumeToken(cursor);
        }
        report((opened ? "resumed watching " : "watching ") + description);
        opened = true;
        failures = 0;
        return drain(cursor, first);
      } catch (MongoException e) {
        if (!ChangeStreamFailures.resumable(e)) {
          return giveUp(e);
        }
        failures++;
        Duration delay = backoff.delay(failures);
        report("connection lost (" + e.getMessage() + "); resuming in " + delay.toMillis() + " ms, attempt "
            + failures);
        waitForStop(delay);
      }
    }
    return Outcome.STOPPED;
  }

  /** Asks {@link #follow} to return after the event in hand, if any. */
  void stop() {
    stop.countDown();
  }

  private Outcome giveUp(MongoException e) {
    if (ChangeStreamFailures.historyLost(e)) {
      report("cannot resume: the oplog no longer holds the saved position (ChangeStreamHistoryLost: "
          + e.getMessage() + "); delete the resume token file to start from now, accepting the gap");
      return Outcome.HISTORY_LOST;
    }
    report("change stream failed: " + e.getMessage());
    return Outcome.FAILED;
  }

  /** Hands out {@code first} (if not null) and every later event until the stream ends or stop is requested. */
  private Outcome drain(MongoChangeStreamCursor<BsonDocument> cursor, BsonDocument first) {
    for (BsonDocument event = first; !stopped(); event = cursor.tryNext()) {
      if (event != null) {
        events.accept(event);
        advance(event.getDocument("_id"));
        if (INVALIDATE.equals(event.get("operationType"))) {
          report("the change stream was invalidated");
          return Outcome.ENDED;
        }
      } else if (cursor.getServerCursor() == null) {
        report("the server closed the change stream");
        return Outcome.ENDED;
      } else {
        advanceToResumeToken(cursor);
      }
    }
    return Outcome.STOPPED;
  }

  /**
   * Advances to the cursor's resume token; only called once {@code tryNext} has returned null, because before the
   * driver has handed out every event of a batch its resume token may already be the batch's
   * {@code postBatchResumeToken}, past events not yet printed.
   */
  private void advanceToResumeToken(MongoChangeStreamCursor<BsonDocument> cursor) {
    BsonDocument token = cursor.getResumeToken();
    if (token != null) {
      advance(token);
    }
  }

  private void advance(BsonDocument token) {
    if (!token.equals(position)) {
      position = token;
      positions.accept(token);
    }
  }

  private boolean stopped() {
    return stop.getCount() == 0;
  }

  private void waitForStop(Duration delay) {
    try {
      stop.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    }
  }

  private void report(String message) {
    err.println("watch: " + message);
    err.flush();
  }
}

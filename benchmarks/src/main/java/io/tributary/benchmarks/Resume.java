package io.tributary.benchmarks;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;

/**
 * Time to resume from a token far back in a large oplog. The server (RocksDB) runs on a {@link SteppedClock}
 * that starts two hours in the past and is stepped forward while {@code entries} documents are inserted, so the
 * oplog's cluster times are spread evenly over two hours. Then a token is taken from the first event at or after
 * "1 hour ago" and "1 minute ago", and each is resumed from ({@code resumeAfter}, open + first event) several times.
 * MongoDB scans the oplog forward from the token's time, so its cost grows with the distance; a seek does not.
 */
final class Resume {
  private static final int BATCH = 100;
  private static final long SPAN_SECONDS = 2 * 3600;

  private Resume() {}

  /** A clock whose time is set by the benchmark. Thread-safe. */
  static final class SteppedClock extends Clock {
    private final AtomicLong millis;

    SteppedClock(long startMillis) {
      this.millis = new AtomicLong(startMillis);
    }

    void set(long value) {
      millis.set(value);
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Median resume times in microseconds, {1 hour back, 1 minute back}. */
  static double[] measure(int entries, int repeats) {
    long end = System.currentTimeMillis();
    SteppedClock clock = new SteppedClock(end - SPAN_SECONDS * 1000);
    try (Servers.Tributarian server = Servers.tributaryRocksDb(clock); MongoClient client = server.client()) {
      MongoCollection<Document> collection = client.getDatabase("bench").getCollection("history");
      fill(collection, clock, entries, end);
      int nowSeconds = (int) (end / 1000);
      return new double[] {
          resumeMicros(collection, new BsonTimestamp(nowSeconds - 3600, 0), repeats),
          resumeMicros(collection, new BsonTimestamp(nowSeconds - 60, 0), repeats)};
    }
  }

  private static void fill(MongoCollection<Document> collection, SteppedClock clock, int entries, long end) {
    long start = clock.millis();
    for (int done = 0; done < entries; done += BATCH) {
      clock.set(start + (end - start) * (done + BATCH) / entries); // the last batch is written at "now"
      List<Document> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        batch.add(Crud.document(done + i));
      }
      collection.insertMany(batch);
    }
    clock.set(end);
  }

  private static double resumeMicros(MongoCollection<Document> collection, BsonTimestamp from, int repeats) {
    BsonDocument token;
    try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
        collection.watch().startAtOperationTime(from).batchSize(1).cursor()) {
      token = cursor.next().getResumeToken();
    }
    Samples samples = new Samples(repeats);
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
          collection.watch().resumeAfter(token).batchSize(1).cursor()) {
        cursor.next();
      }
      samples.add(System.nanoTime() - t0);
    }
    return samples.percentileMicros(50);
  }
}

package io.tributary.server.changestream;

import com.mongodb.client.MongoChangeStreamCursor;
import java.util.ArrayList;
import java.util.List;

/** Reading a known number of events from a driver's change-stream cursor, shared by the change-stream suites. */
final class Drain {
  private Drain() {}

  /** The next {@code count} events of {@code cursor}, waiting for each as the driver's {@code next()} does. */
  static <T> List<T> drain(MongoChangeStreamCursor<T> cursor, int count) {
    List<T> events = new ArrayList<>();
    while (events.size() < count) {
      events.add(cursor.next());
    }
    return events;
  }
}

package io.tributary.conformance.unified;

import com.mongodb.client.MongoClient;

/**
 * A client entity: the driver's client and the recorder of the events the test file asked to
 * observe. Thread-safe as the driver's client is.
 */
public record ClientEntity(MongoClient client, EventRecorder events) implements AutoCloseable {

  @Override
  public void close() {
    events.stop();
    client.close();
  }
}

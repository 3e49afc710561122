package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionPoolListener;
import io.tributary.engine.Engine;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command that fails with an {@link Error} (here a {@link NoClassDefFoundError}, as when a class cannot be
 * loaded) is answered with {@code InternalError}, like any other unexpected failure, on a connection that stays
 * open: the server used to close the connection without a reply, which drivers report as "Prematurely reached
 * end of stream" and which hid the cause. The error comes from a fault-injecting storage stub behind the SPI.
 */
class UnexpectedErrorTest {
  private final FaultyStorage storage = new FaultyStorage(new InMemoryStorageEngine());
  private final AtomicInteger closedConnections = new AtomicInteger();
  private TributaryServer server;
  private MongoClient client;

  @BeforeEach
  void start() {
    server = TributaryServer.start("127.0.0.1", 0,
        address -> Engine.builder().storage(storage).advertisedAddress(address).build());
    client = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(server.connectionString()))
        .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(new ConnectionPoolListener() {
          @Override
          public void connectionClosed(ConnectionClosedEvent event) {
            closedConnections.incrementAndGet();
          }
        }))
        .build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void anErrorInACommandIsAnsweredWithInternalErrorAndTheConnectionStaysOpen() {
    MongoCollection<BsonDocument> coll = client.getDatabase("db").getCollection("coll", BsonDocument.class);
    coll.insertOne(BsonDocument.parse("{_id: 1, a: 1}"));

    storage.failReadsWith(new NoClassDefFoundError("io/tributary/Missing"));
    assertThatThrownBy(() -> coll.find().into(new ArrayList<>()))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(1);
          assertThat(e.getErrorCodeName()).isEqualTo("InternalError");
          assertThat(e.getErrorMessage()).contains("NoClassDefFoundError", "io/tributary/Missing");
        });
    storage.failReadsWith(null);

    assertThat(coll.find().into(new ArrayList<>())).containsExactly(BsonDocument.parse("{_id: 1, a: 1}"));
    assertThat(closedConnections).as("pooled connections closed").hasValue(0);
  }

  @Test
  void anErrorWhileDecidingWhetherARequestIsQuickLeavesItToAWorkerAndTheConnectionOpen() {
    MongoCollection<BsonDocument> coll = client.getDatabase("db").getCollection("coll", BsonDocument.class);
    coll.insertOne(BsonDocument.parse("{_id: 1, a: 1}"));

    // Whether a find by _id may run on the event loop asks the storage whether it is durable: that question fails,
    // so the request takes the worker's way, which does not ask it again, and is answered.
    storage.failDurabilityQueriesWith(new NoClassDefFoundError("io/tributary/Missing"));
    assertThat(coll.find(Filters.eq("_id", 1)).first()).isEqualTo(BsonDocument.parse("{_id: 1, a: 1}"));
    storage.failDurabilityQueriesWith(null);

    assertThat(closedConnections).as("pooled connections closed").hasValue(0);
  }

  /**
   * Delegates to an engine; while armed, every read of a document fails with the given error, and so does every
   * question whether the storage is durable.
   */
  private static final class FaultyStorage implements StorageEngine {
    private final StorageEngine delegate;
    private final AtomicReference<Error> failure = new AtomicReference<>();
    private final AtomicReference<Error> durabilityFailure = new AtomicReference<>();

    FaultyStorage(StorageEngine delegate) {
      this.delegate = delegate;
    }

    void failReadsWith(Error error) {
      failure.set(error);
    }

    void failDurabilityQueriesWith(Error error) {
      durabilityFailure.set(error);
    }

    private void check(KeySpace space) {
      Error error = failure.get();
      if (error != null && space == KeySpace.DOCUMENTS) {
        throw error;
      }
    }

    @Override
    public byte[] get(KeySpace space, byte[] key) {
      check(space);
      return delegate.get(space, key);
    }

    @Override
    public KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
      check(space);
      return delegate.scan(space, fromInclusive, toExclusive, reverse);
    }

    @Override
    public Snapshot snapshot() {
      Snapshot snapshot = delegate.snapshot();
      return new Snapshot() {
        @Override
        public byte[] get(KeySpace space, byte[] key) {
          check(space);
          return snapshot.get(space, key);
        }

        @Override
        public KeyValueIterator scan(KeySpace space, byte[] fromInclusive, byte[] toExclusive, boolean reverse) {
          check(space);
          return snapshot.scan(space, fromInclusive, toExclusive, reverse);
        }

        @Override
        public void close() {
          snapshot.close();
        }
      };
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public boolean isDurable() {
      Error error = durabilityFailure.get();
      if (error != null) {
        throw error;
      }
      return delegate.isDurable();
    }

    @Override
    public void write(WriteBatch batch) {
      delegate.write(batch);
    }

    @Override
    public void sync() {
      delegate.sync();
    }

    @Override
    public BsonDocument stats() {
      return delegate.stats();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}

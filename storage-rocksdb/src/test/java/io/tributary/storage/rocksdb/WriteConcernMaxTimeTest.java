package io.tributary.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.tributary.server.ServerTestSupport;
import io.tributary.server.Tributary;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write's {@code maxTimeMS} covers its wait for the write concern, as in mongod: through the Java driver on the
 * durable engine, with the {@code pauseJournalFlusherThread} fail point holding the sync the acknowledgement waits
 * for (so the wait outlasts the limit whatever the machine's speed), the write is committed and the reply carries
 * {@code writeConcernError} {@code MaxTimeMSExpired} (50).
 */
class WriteConcernMaxTimeTest extends ServerTestSupport {
  private static final String PAUSE = "{configureFailPoint: 'pauseJournalFlusherThread', mode: 'alwaysOn'}";

  @Override
  protected String storageEngine() {
    return Tributary.ROCKSDB;
  }

  @BeforeEach
  void emptyCollection() {
    items().drop();
    database().createCollection("items");
  }

  @AfterEach
  void resumeSyncs() {
    adminCommand("{configureFailPoint: 'pauseJournalFlusherThread', mode: 'off'}");
  }

  @Test
  void aJournaledWriteOutlastingItsMaxTimeMSIsCommittedWithAWriteConcernError() {
    adminCommand(PAUSE);

    BsonDocument reply = run("{insert: 'items', documents: [{_id: 1}], writeConcern: {w: 1, j: true}, maxTimeMS: 50}");

    assertThat(reply.getNumber("n").intValue()).isEqualTo(1);
    assertThat(reply.getDocument("writeConcernError")).isEqualTo(BsonDocument.parse(
        "{code: 50, codeName: 'MaxTimeMSExpired', errmsg: 'operation exceeded time limit',"
            + " errInfo: {writeConcern: {w: 1, wtimeout: 0}}}"));
    assertThat(items().find(new Document("_id", 1)).first()).isNotNull();
  }

  @Test
  void theImplicitMajorityConcernExpiresTheSameWayAndSaysWhichConcernItWaitedFor() {
    items().insertOne(new Document("_id", 1).append("x", 0));
    adminCommand(PAUSE);

    BsonDocument reply = run("{update: 'items', updates: [{q: {_id: 1}, u: {$set: {x: 1}}}], maxTimeMS: 50}");

    assertThat(reply.getNumber("nModified").intValue()).isEqualTo(1);
    assertThat(reply.getDocument("writeConcernError").getDocument("errInfo")).isEqualTo(BsonDocument.parse(
        "{writeConcern: {w: 'majority', wtimeout: 0, provenance: 'implicitDefault'}}"));
    assertThat(items().find(new Document("_id", 1)).first()).containsEntry("x", 1);
  }

  @Test
  void aCommitOutlastingItsMaxCommitTimeIsCommittedAndTheDriverLabelsItsResultUnknown() {
    try (ClientSession session = client().startSession()) {
      session.startTransaction(TransactionOptions.builder().maxCommitTime(50L, TimeUnit.MILLISECONDS).build());
      items().insertOne(session, new Document("_id", 2));
      adminCommand(PAUSE);

      assertThatThrownBy(session::commitTransaction).isInstanceOfSatisfying(MongoException.class, e -> {
        assertThat(e.getCode()).isEqualTo(50);
        assertThat(e.hasErrorLabel(MongoException.UNKNOWN_TRANSACTION_COMMIT_RESULT_LABEL)).isTrue();
      });
    }
    assertThat(items().find(new Document("_id", 2)).first()).isNotNull();
  }

  @Test
  void withinItsMaxTimeMSAJournaledWriteIsAcknowledgedPlainly() {
    BsonDocument reply = run("{insert: 'items', documents: [{_id: 3}], writeConcern: {j: true}, maxTimeMS: 600000}");

    assertThat(reply.containsKey("writeConcernError")).isFalse();
    assertThat(reply.getNumber("n").intValue()).isEqualTo(1);
  }

  @Test
  void withoutMaxTimeMSTheAcknowledgementWaitsUntilTheSyncsResume() {
    adminCommand(PAUSE);
    CompletableFuture<BsonDocument> insert = CompletableFuture.supplyAsync(
        () -> run("{insert: 'items', documents: [{_id: 4}], writeConcern: {j: true}}"));
    // Reconfiguring reports how often the fail point paused a waiter so far: once it has, the insert is waiting.
    while (adminCommand(PAUSE).getNumber("count").longValue() == 0) {
      Thread.onSpinWait();
    }
    assertThat(insert).isNotDone();

    adminCommand("{configureFailPoint: 'pauseJournalFlusherThread', mode: 'off'}");

    BsonDocument reply = insert.join();
    assertThat(reply.containsKey("writeConcernError")).isFalse();
    assertThat(reply.getNumber("n").intValue()).isEqualTo(1);
  }

  private BsonDocument run(String command) {
    return database().runCommand(BsonDocument.parse(command), BsonDocument.class);
  }

  private MongoDatabase database() {
    return client().getDatabase("wc");
  }

  private MongoCollection<Document> items() {
    return database().getCollection("items");
  }
}

package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A retryable write (lsid + txnNumber) applies once; a retry gets the first execution's result. */
class RetryableWriteTest {
  private static final String LSID = "lsid: {id: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAA==', subType: '04'}}}";
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void retriedInsertIsAppliedOnce() {
    String insert = "{insert: 'c', documents: [{_id: 1}, {_id: 2}], " + LSID + ", txnNumber: {$numberLong: '1'}}";
    assertThat(run(insert)).isEqualTo(BsonDocument.parse("{n: 2}"));
    assertThat(run(insert)).isEqualTo(BsonDocument.parse("{n: 2}"));
    assertThat(count()).isEqualTo(2);
    assertThat(oplog()).hasSize(3); // create + two inserts
    assertThat(oplog().get(1).session().txnNumber()).isEqualTo(1);
    assertThat(oplog().get(2).session().stmtId()).isEqualTo(1);
  }

  @Test
  void retriedUpdateAndFindAndModifyReturnTheFirstResults() {
    run("{insert: 'c', documents: [{_id: 1, n: 0}]}");
    String update = "{update: 'c', updates: [{q: {_id: 1}, u: {$inc: {n: 1}}}], " + LSID
        + ", txnNumber: {$numberLong: '3'}}";
    BsonDocument first = run(update);
    assertThat(run(update)).isEqualTo(first);
    String fam = "{findAndModify: 'c', query: {_id: 1}, update: {$inc: {n: 1}}, new: true, " + LSID
        + ", txnNumber: {$numberLong: '4'}}";
    BsonDocument famFirst = run(fam);
    assertThat(run(fam)).isEqualTo(famFirst);
    assertThat(run("{find: 'c'}").getDocument("cursor").getArray("firstBatch").get(0))
        .isEqualTo(BsonDocument.parse("{_id: 1, n: 2}"));
  }

  @Test
  void aHigherTxnNumberRunsAgainAndALowerOneIsTooOld() {
    run("{insert: 'c', documents: [{x: 1}], " + LSID + ", txnNumber: {$numberLong: '5'}}");
    run("{insert: 'c', documents: [{x: 1}], " + LSID + ", txnNumber: {$numberLong: '6'}}");
    assertThat(count()).isEqualTo(2);
    assertThatThrownBy(() -> run("{insert: 'c', documents: [{x: 1}], " + LSID + ", txnNumber: {$numberLong: '5'}}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(225));
  }

  @Test
  void endedSessionsForgetTheirState() {
    String insert = "{insert: 'c', documents: [{x: 1}], " + LSID + ", txnNumber: {$numberLong: '1'}}";
    run(insert);
    engine.sessions().end(BsonDocument.parse("{" + LSID + "}").getDocument("lsid"));
    run(insert);
    assertThat(count()).isEqualTo(2);
  }

  private BsonDocument run(String json) {
    return harness.run("db", json);
  }

  private int count() {
    return run("{count: 'c'}").getInt32("n").getValue();
  }

  private List<OplogEntry> oplog() {
    return engine.oplog().readAfter(new BsonTimestamp(0, 0), 100);
  }
}

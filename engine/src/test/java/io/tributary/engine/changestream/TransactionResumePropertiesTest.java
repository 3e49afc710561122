package io.tributary.engine.changestream;

import static io.tributary.engine.changestream.StreamFixture.COLL;
import static io.tributary.engine.changestream.StreamFixture.COLL_UUID;
import static io.tributary.engine.changestream.StreamFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Namespace;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.SessionInfo;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * Over random mixes of single writes and transactions touching the watched collection and another one: resuming
 * after any event, or from any batch's postBatchResumeToken, continues with exactly the events after it (none
 * skipped, none repeated), even inside a transaction; batches of any size split the same event sequence, a full
 * batch ending at its last event's token.
 */
class TransactionResumePropertiesTest {
  private static final Namespace OTHER = Namespace.of("db", "other");
  private static final BsonDocument LSID = BsonDocument.parse("{id: 7}");

  @Provide
  Arbitrary<List<List<Boolean>>> commits() {
    // Each commit is a list of operations; true = on the watched collection. One operation: a plain write.
    return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 60)
  void resumingAfterAnyEventOrBatchTokenContinuesExactlyAfterIt(@ForAll("commits") List<List<Boolean>> commits,
      @ForAll @IntRange(min = 1, max = 5) int batchSize) throws InterruptedException {
    try (StreamFixture fixture = new StreamFixture()) {
      BsonDocument start = new BsonDocument("startAtOperationTime", fixture.oplog.lastVisible());
      write(fixture, commits);
      List<BsonDocument> events = fixture.open(start).next(0, 0).join().documents();

      for (int i = 0; i < events.size(); i++) {
        BsonDocument resumeAfter = new BsonDocument("resumeAfter", events.get(i).getDocument("_id"));
        assertThat(all(fixture.open(resumeAfter))).isEqualTo(events.subList(i + 1, events.size()));
      }
      ChangeStreamCursor batched = fixture.open(start);
      List<BsonDocument> seen = new ArrayList<>();
      for (CursorBatch batch = batched.next(batchSize, 0).join(); !batch.documents().isEmpty();
          batch = batched.next(batchSize, 0).join()) {
        seen.addAll(batch.documents());
        if (batch.documents().size() == batchSize) { // a full batch ends at its last event, even mid-transaction
          assertThat(batch.postBatchResumeToken()).isEqualTo(seen.get(seen.size() - 1).get("_id"));
        }
        BsonDocument resumeAfter = new BsonDocument("resumeAfter", batch.postBatchResumeToken());
        assertThat(all(fixture.open(resumeAfter))).isEqualTo(events.subList(seen.size(), events.size()));
      }
      assertThat(seen).isEqualTo(events);
    }
  }

  private static void write(StreamFixture fixture, List<List<Boolean>> commits) {
    int id = 0;
    for (List<Boolean> commit : commits) {
      List<Operation> operations = new ArrayList<>();
      for (boolean watched : commit) {
        Namespace ns = watched ? COLL : OTHER;
        id++;
        operations.add(new Operation.Insert(ns, COLL_UUID, key(id), key(id).append("n", new BsonInt32(id))
            .append("ns", new BsonString(ns.fullName()))));
      }
      if (operations.size() == 1) {
        fixture.oplog.append(operations.get(0));
      } else {
        fixture.oplog.append(new Operation.ApplyOps(operations), new SessionInfo(LSID, id, 0, true));
      }
    }
  }

  private static List<BsonDocument> all(ChangeStreamCursor cursor) {
    return cursor.next(0, 0).join().documents();
  }
}

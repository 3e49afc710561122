package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.OplogEntry;
import java.time.Clock;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

class SharedEventsTest {
  private static final BsonDocument MATCH_INSERTS = BsonDocument.parse("{$match: {operationType: 'insert'}}");
  private static final BsonDocument MATCH_DELETES = BsonDocument.parse("{$match: {operationType: 'delete'}}");

  private final SharedEvents.Registry registry = new SharedEvents.Registry(Clock.systemUTC());
  private final OplogEntry insert = new OplogEntry(new BsonTimestamp(100, 1), 0, new Operation.Insert(
      StreamFixture.COLL, StreamFixture.COLL_UUID, StreamFixture.key(1), StreamFixture.key(1)), null);

  @Test
  void streamsOfOneShapeComputeAnEntryOnce() {
    SharedEvents first = acquire(new BsonDocument(), MATCH_INSERTS);
    SharedEvents second = acquire(new BsonDocument(), MATCH_INSERTS);

    assertThat(second).isSameAs(first);
    assertThat(second.produce(insert)).isSameAs(first.produce(insert)).hasSize(1);
    assertThat(first.yieldsOutput(insert)).isTrue();
  }

  @Test
  void shapesThatDifferOnlyInTheirStagesShareTheEvents() {
    SharedEvents inserts = acquire(new BsonDocument(), MATCH_INSERTS);
    SharedEvents deletes = acquire(new BsonDocument(), MATCH_DELETES);

    assertThat(deletes).isNotSameAs(inserts);
    assertThat(registry.transforms()).isEqualTo(1);
    assertThat(deletes.produce(insert).get(0).event()).isSameAs(inserts.produce(insert).get(0).event());
    assertThat(deletes.yieldsOutput(insert)).isFalse();
  }

  @Test
  void differentOptionsDoNotShareEvents() {
    acquire(new BsonDocument(), MATCH_INSERTS);
    acquire(new BsonDocument("fullDocument", new BsonString("updateLookup")), MATCH_INSERTS);

    assertThat(registry.size()).isEqualTo(2);
    assertThat(registry.transforms()).isEqualTo(2);
  }

  @Test
  void aShapeIsForgottenWhenItsLastStreamCloses() {
    SharedEvents first = acquire(new BsonDocument(), MATCH_INSERTS);
    SharedEvents second = acquire(new BsonDocument(), MATCH_INSERTS);
    SharedEvents other = acquire(new BsonDocument(), MATCH_DELETES);

    first.release();
    assertThat(registry.size()).isEqualTo(2);
    second.release();
    assertThat(registry.size()).isEqualTo(1);
    assertThat(registry.transforms()).isEqualTo(1);
    other.release();
    assertThat(registry.size()).isZero();
    assertThat(registry.transforms()).isZero();
  }

  @Test
  void filtersOnTheFullDocumentReadOneDecodedViewAndMatchAsOnTheStoredBytes() {
    BsonDocument stored = BsonDocument.parse("{_id: 1, k: [1, 2.0, {x: {$numberLong: '3'}}], a: {b: null}}");
    OplogEntry entry = new OplogEntry(new BsonTimestamp(100, 2), 0, new Operation.Insert(StreamFixture.COLL,
        StreamFixture.COLL_UUID, StreamFixture.key(1), new RawBsonDocument(BsonBytes.encode(stored))), null);

    assertThat(yields(entry, "{'fullDocument.k': 2}")).isTrue();
    assertThat(yields(entry, "{'fullDocument.k.x': 3.0}")).isTrue();
    assertThat(yields(entry, "{'fullDocument.k.2.x': {$gt: 2}}")).isTrue();
    assertThat(yields(entry, "{'fullDocument.a.b': null, 'fullDocument.missing': null}")).isTrue();
    assertThat(yields(entry, "{'fullDocument.a': {b: null}}")).isTrue();
    assertThat(yields(entry, "{'fullDocument.k': 5}")).isFalse();
    assertThat(yields(entry, "{'fullDocument.a.b': {$exists: false}}")).isFalse();

    SharedEvents shape = acquire(new BsonDocument(), match("{'fullDocument.k': 1}"));
    SharedEvents.Produced produced = shape.produce(entry).get(0);
    BsonDocument returned = produced.outputs().get(0).document();
    assertThat(returned.get("fullDocument")).isInstanceOf(RawBsonDocument.class).isEqualTo(stored);
    assertThat(produced.event().document().get("fullDocument")).isInstanceOf(RawBsonDocument.class);
  }

  private boolean yields(OplogEntry entry, String filter) {
    return acquire(new BsonDocument(), match(filter)).yieldsOutput(entry);
  }

  private static BsonDocument match(String filter) {
    return new BsonDocument("$match", BsonDocument.parse(filter));
  }

  private SharedEvents acquire(BsonDocument options, BsonDocument... stages) {
    ChangeStreamSpec spec = ChangeStreamSpec.parse(options);
    ChangeStreamScope scope = ChangeStreamScope.of("db", new BsonString("coll"), false);
    EventContext context = new EventContext("db", new BsonDateTime(0), new BsonTimestamp(100, 0));
    BsonDocument transform = new BsonDocument("db", new BsonString("db")).append("options", options);
    return registry.acquire("db", transform, new BsonArray(List.of(stages)),
        new EventTransformer(scope, spec, (ns, key) -> null, ImageRetention.WITH_OPLOG),
        ChangeStreamPipeline.parse(List.of(stages), context));
  }
}

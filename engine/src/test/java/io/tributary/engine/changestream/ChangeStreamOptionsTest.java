package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Validation of {@code $changeStream} options, scopes and stages, with MongoDB's codes (reference §1.1-§1.5). */
class ChangeStreamOptionsTest {
  private final StreamFixture fixture = new StreamFixture();
  private final BsonDocument token = ResumeToken.highWaterMark(new BsonTimestamp(100, 1)).toBson();

  @AfterEach
  void tearDown() throws InterruptedException {
    fixture.close();
  }

  @Test
  void rejectsMalformedOptions() {
    assertCode(() -> ChangeStreamSpec.parse(new BsonInt32(1)), 50808);
    assertCode(() -> fixture.open(new BsonDocument("bogus", BsonBoolean.TRUE)), 40415);
    assertCode(() -> fixture.open(new BsonDocument("resumeAfter", token).append("startAfter", token)), 50865);
    assertCode(() -> fixture.open(new BsonDocument("resumeAfter", token).append("startAtOperationTime",
        new BsonTimestamp(100, 1))), 40674);
    assertCode(() -> fixture.open(new BsonDocument("resumeAfter", new BsonString("x"))), 14);
    assertCode(() -> fixture.open(new BsonDocument("resumeAfter", new BsonDocument("_data", new BsonInt32(1)))),
        40647);
    assertCode(() -> fixture.open(new BsonDocument("fullDocument", new BsonString("sometimes"))), 2);
  }

  @Test
  void rejectsInternalNamespacesAndMisplacedClusterStreams() {
    BsonDocument none = new BsonDocument();
    assertCode(() -> fixture.open("admin", new BsonString("c"), none), 73);
    assertCode(() -> fixture.open("config", new BsonInt32(1), none), 73);
    assertCode(() -> fixture.open("db", new BsonString("system.views"), none), 73);
    BsonDocument cluster = new BsonDocument("allChangesForCluster", BsonBoolean.TRUE);
    assertCode(() -> fixture.open("db", new BsonInt32(1), cluster), 72);
    assertCode(() -> fixture.open("admin", new BsonString("c"), cluster), 72);
  }

  @Test
  void onlyResumableStagesMayFollow() {
    BsonDocument none = new BsonDocument();
    assertCode(() -> fixture.open(none, stage("$group", new BsonDocument("_id", new BsonInt32(1)))), 20);
    assertCode(() -> fixture.open(none, stage("$unsupported", new BsonString("foo"))), 40324);
    assertCode(() -> fixture.open(none, stage("$changeStream", none)), 40602);
    assertCode(() -> fixture.open(none, stage("$changeStreamSplitLargeEvent", new BsonDocument("a",
        new BsonInt32(1)))), 7182800);
    assertCode(() -> fixture.open(none, stage("$changeStreamSplitLargeEvent", none), stage("$match", none)),
        7182802);
    assertThat(fixture.open(none, stage("$match", none), stage("$project", new BsonDocument("x",
        new BsonInt32(1))), stage("$changeStreamSplitLargeEvent", none))).isNotNull();
  }

  @Test
  void changeStreamMustComeFirstAndReadConcernMustBeMajority() {
    BsonArray pipeline = new BsonArray();
    pipeline.add(stage("$match", new BsonDocument()));
    pipeline.add(stage("$changeStream", new BsonDocument()));
    assertCode(() -> fixture.streams.open("db", new BsonDocument("aggregate", new BsonString("coll"))
        .append("pipeline", pipeline), null, 9), 40602);
    assertThat(ChangeStreams.isChangeStream(pipeline.getValues().stream().map(BsonValue::asDocument).toList()))
        .isTrue();
    BsonArray valid = new BsonArray();
    valid.add(stage("$changeStream", new BsonDocument()));
    BsonDocument command = new BsonDocument("aggregate", new BsonString("coll")).append("pipeline", valid);
    assertCode(() -> fixture.streams.open("db", command.clone().append("readConcern",
        new BsonDocument("level", new BsonString("local"))), null, 9), 72);
    assertThat(fixture.streams.open("db", command.clone().append("readConcern",
        new BsonDocument("level", new BsonString("majority"))), null, 9)).isNotNull();
  }

  private static BsonDocument stage(String name, BsonValue argument) {
    return new BsonDocument(name, argument);
  }

  private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MongoError.class,
        e -> assertThat(e.code().code()).isEqualTo(code));
  }
}

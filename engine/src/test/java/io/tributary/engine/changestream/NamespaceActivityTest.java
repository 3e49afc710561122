package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Namespace;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.oplog.OplogEntry;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class NamespaceActivityTest {
  private static final Namespace HOT = new Namespace("db", "hot");
  private static final Namespace COLD = new Namespace("db", "cold");
  private static final ChangeStreamScope ON_HOT = new ChangeStreamScope.Collection(HOT);
  private static final ChangeStreamScope ON_COLD = new ChangeStreamScope.Collection(COLD);
  private static final ChangeStreamScope ON_OTHER_DB = new ChangeStreamScope.Database("other");
  private static final ChangeStreamScope ON_DB = new ChangeStreamScope.Database("db");

  private final NamespaceActivity activity = new NamespaceActivity(time(10));

  @Test
  void streamsOfUnwrittenNamespacesSkipToTheNewestEntry() {
    activity.record(insert(11, HOT));
    activity.record(insert(12, HOT));

    assertThat(activity.quietUntil(ON_COLD, time(10))).isEqualTo(time(12));
    assertThat(activity.quietUntil(ON_OTHER_DB, time(11))).isEqualTo(time(12));
  }

  @Test
  void streamsThatSeeAnEntryAfterTheirPositionDoNotSkip() {
    activity.record(insert(11, HOT));
    activity.record(insert(12, COLD));

    assertThat(activity.quietUntil(ON_HOT, time(10))).isEqualTo(time(10));
    assertThat(activity.quietUntil(ON_HOT, time(11))).isEqualTo(time(12));
    assertThat(activity.quietUntil(ON_DB, time(11))).isEqualTo(time(11));
    assertThat(activity.quietUntil(new ChangeStreamScope.Cluster(), time(11))).isEqualTo(time(11));
  }

  @Test
  void ddlConcernsEveryStream() {
    activity.record(new OplogEntry(time(11), 0, new Operation.DropDatabase(new Namespace("db", "$cmd")), null));

    assertThat(activity.quietUntil(ON_OTHER_DB, time(10))).isEqualTo(time(10));
    assertThat(activity.quietUntil(ON_COLD, time(10))).isEqualTo(time(10));
  }

  @Test
  void aTransactionConcernsEveryNamespaceItTouched() {
    Namespace elsewhere = new Namespace("other", "x");
    activity.record(new OplogEntry(time(11), 0, new Operation.ApplyOps(List.of(insert(11, elsewhere).operation(),
        insert(11, HOT).operation())), null));

    assertThat(activity.quietUntil(ON_HOT, time(10))).isEqualTo(time(10));
    assertThat(activity.quietUntil(ON_OTHER_DB, time(10))).isEqualTo(time(10));
    assertThat(activity.quietUntil(ON_DB, time(10))).isEqualTo(time(10));
    assertThat(activity.quietUntil(ON_COLD, time(10))).isEqualTo(time(11));
  }

  @Test
  void positionsBeforeTheFirstEntryReadAreNeverSkipped() {
    activity.record(insert(11, HOT));

    assertThat(activity.quietUntil(ON_COLD, time(9))).isEqualTo(time(9));
  }

  private static OplogEntry insert(int seconds, Namespace namespace) {
    BsonDocument document = new BsonDocument("_id", new BsonInt32(seconds));
    return new OplogEntry(time(seconds), 0,
        new Operation.Insert(namespace, UUID.randomUUID(), document, document), null);
  }

  private static BsonTimestamp time(int seconds) {
    return new BsonTimestamp(seconds, 1);
  }
}

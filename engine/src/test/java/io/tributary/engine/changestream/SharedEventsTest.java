package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class SharedEventsTest {
  private final SharedEvents.Registry registry = new SharedEvents.Registry();

  @Test
  void streamsOfOneShapeComputeAnEntryOnce() {
    SharedEvents first = registry.acquire(shape(1));
    SharedEvents second = registry.acquire(shape(1));
    AtomicInteger computed = new AtomicInteger();

    List<SharedEvents.Produced> a = first.produce(new BsonTimestamp(5, 1), () -> count(computed));
    List<SharedEvents.Produced> b = second.produce(new BsonTimestamp(5, 1), () -> count(computed));

    assertThat(second).isSameAs(first);
    assertThat(b).isSameAs(a);
    assertThat(computed).hasValue(1);
  }

  @Test
  void differentShapesDoNotShare() {
    assertThat(registry.acquire(shape(1))).isNotSameAs(registry.acquire(shape(2)));
  }

  @Test
  void aShapeIsForgottenWhenItsLastStreamCloses() {
    SharedEvents first = registry.acquire(shape(1));
    SharedEvents second = registry.acquire(shape(1));

    first.release();
    assertThat(registry.size()).isEqualTo(1);
    second.release();
    assertThat(registry.size()).isZero();
  }

  private static List<SharedEvents.Produced> count(AtomicInteger computed) {
    computed.incrementAndGet();
    return List.of();
  }

  private static BsonDocument shape(int filter) {
    return new BsonDocument("stages", new BsonDocument("k", new BsonInt32(filter)));
  }
}

package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class RecentEntriesTest {
  private final RecentEntries<Integer> recent = new RecentEntries<>();
  private final AtomicInteger computed = new AtomicInteger();

  @Test
  void anEntryIsComputedOnceWhileRemembered() {
    for (int i = 1; i <= 100; i++) {
      lookUp(i);
    }
    for (int i = 1; i <= 100; i++) {
      assertThat(lookUp(i)).isEqualTo(i);
    }
    assertThat(computed).hasValue(100);
  }

  @Test
  void aTrailingReaderGrowsTheTableSoItStopsRecomputing() {
    for (int i = 1; i <= 1000; i++) {
      lookUp(i); // the head of the oplog
    }
    assertThat(recent.capacity()).isEqualTo(128);
    for (int i = 1; i <= 1000; i++) {
      lookUp(i); // a stream 1,000 entries behind: its misses grow the table
    }
    computed.set(0);
    for (int i = 1001; i <= 1500; i++) {
      lookUp(i);
    }
    for (int i = 1001; i <= 1500; i++) {
      lookUp(i); // now 500 behind: all remembered
    }
    assertThat(recent.capacity()).isGreaterThanOrEqualTo(1024);
    assertThat(computed).hasValue(500);
  }

  @Test
  void streamsTrailingTogetherShareWhatTheFirstOfThemComputed() {
    for (int i = 1; i <= 5000; i++) {
      lookUp(i); // the head
    }
    computed.set(0);
    for (int i = 1; i <= 100; i++) {
      lookUp(i); // the first trailing stream computes its entries again
      lookUp(i); // the next one, right behind it, finds them
    }
    assertThat(computed).hasValue(100);
  }

  private int lookUp(int inc) {
    return lookUp(100, inc);
  }

  private int lookUp(int seconds, int inc) {
    return recent.computeIfAbsent(new BsonTimestamp(seconds, inc), () -> {
      computed.incrementAndGet();
      return inc;
    });
  }
}

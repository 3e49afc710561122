package io.tributary.conformance.unified;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.RequestContext;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.connection.ServerId;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Which command events a client entity keeps, fed with hand-built driver events. */
class EventRecorderTest {

  private static final ConnectionDescription CONNECTION =
      new ConnectionDescription(new ServerId(new ClusterId(), new ServerAddress()));
  private static final RequestContext CONTEXT = new RequestContext() {
    @Override
    public <T> T get(Object key) {
      return null;
    }

    @Override
    public boolean hasKey(Object key) {
      return false;
    }

    @Override
    public boolean isEmpty() {
      return true;
    }

    @Override
    public void put(Object key, Object value) { }

    @Override
    public void delete(Object key) { }

    @Override
    public int size() {
      return 0;
    }

    @Override
    public java.util.stream.Stream<java.util.Map.Entry<Object, Object>> stream() {
      return java.util.stream.Stream.empty();
    }
  };
  private final AtomicInteger requestIds = new AtomicInteger();

  private void roundTrip(EventRecorder recorder, String name, String command) {
    int requestId = requestIds.incrementAndGet();
    recorder.commandStarted(new CommandStartedEvent(CONTEXT, 1, requestId, CONNECTION, "db", name,
        BsonDocument.parse(command)));
    recorder.commandSucceeded(new CommandSucceededEvent(CONTEXT, 1, requestId, CONNECTION, "db", name,
        BsonDocument.parse("{ok: 1}"), 10));
  }

  @Test
  void keepsOnlyObservedTypesAndDropsIgnoredAndFailPointCommands() {
    EventRecorder recorder = new EventRecorder(Set.of("commandStartedEvent"), Set.of("ping"), false);
    roundTrip(recorder, "insert", "{insert: 'c'}");
    roundTrip(recorder, "ping", "{ping: 1}");
    roundTrip(recorder, "configureFailPoint", "{configureFailPoint: 'failCommand'}");
    assertThat(recorder.events()).extracting(ObservedEvent::type, ObservedEvent::commandName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("commandStartedEvent", "insert"));
  }

  @Test
  void sensitiveCommandsAndRedactedHellosAreDroppedUnlessObserved() {
    Set<String> both = Set.of("commandStartedEvent", "commandSucceededEvent");
    EventRecorder hidden = new EventRecorder(both, Set.of(), false);
    roundTrip(hidden, "saslStart", "{}");
    roundTrip(hidden, "hello", "{}");
    roundTrip(hidden, "hello", "{hello: 1}");
    assertThat(hidden.events()).extracting(ObservedEvent::commandName).containsExactly("hello", "hello");

    EventRecorder shown = new EventRecorder(both, Set.of(), true);
    roundTrip(shown, "saslStart", "{}");
    assertThat(shown.events()).hasSize(2);
  }

  @Test
  void recordsNothingAfterStop() {
    EventRecorder recorder = new EventRecorder(Set.of("commandStartedEvent"), Set.of(), false);
    recorder.stop();
    roundTrip(recorder, "find", "{find: 'c'}");
    assertThat(recorder.events()).isEmpty();
  }
}

package io.tributary.engine.failpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class FailPointsTest {
  private final FailPoints failPoints = new FailPoints();

  @Test
  void timesFiresThatOftenThenTurnsOff() {
    configure("failCommand", "{times: 2}", "{failCommands: ['ping'], errorCode: 2}");

    assertThat(failPing()).isTrue();
    assertThat(failPing()).isTrue();
    assertThat(failPing()).isFalse();
  }

  @Test
  void skipLetsThatManyPassThenFiresAlways() {
    configure("failCommand", "{skip: 2}", "{failCommands: ['ping'], errorCode: 2}");

    assertThat(List.of(failPing(), failPing(), failPing(), failPing())).containsExactly(false, false, true, true);
  }

  @Test
  void commandsNotSelectedDoNotUseUpTheCount() {
    configure("failCommand", "{times: 1}", "{failCommands: ['ping'], errorCode: 2}");

    assertThat(failPoints.failCommand(List.of("find"), null, "test.c")).isEmpty();
    assertThat(failPing()).isTrue();
  }

  @Test
  void namespaceAndAppNameFilter() {
    configure("failCommand", "'alwaysOn'", "{failCommands: ['find'], namespace: 'test.c', appName: 'app'}");

    assertThat(failPoints.failCommand(List.of("find"), "app", "test.other")).isEmpty();
    assertThat(failPoints.failCommand(List.of("find"), "other", "test.c")).isEmpty();
    assertThat(failPoints.failCommand(List.of("find"), "app", "test.c")).isPresent();
  }

  @Test
  void failCommandDataIsRead() {
    configure("failCommand", "'alwaysOn'", "{failCommands: ['ping'], closeConnection: true, blockConnection: true,"
        + " blockTimeMS: 20, errorCode: 91, errorLabels: ['A'], writeConcernError: {code: 100}}");

    FailCommand fail = failPoints.failCommand(List.of("ping"), null, "admin.$cmd").orElseThrow();

    assertThat(fail).isEqualTo(new FailCommand(true, 20, 91, List.of("A"), BsonDocument.parse("{code: 100}")));
  }

  @Test
  void failGetMoreAfterCursorCheckoutDefaultsToInternalError() {
    configure("failGetMoreAfterCursorCheckout", "{times: 1}", "{}");

    assertThat(failPoints.failGetMoreAfterCursorCheckout()).isEqualTo(OptionalInt.of(1));
    assertThat(failPoints.failGetMoreAfterCursorCheckout()).isEmpty();
  }

  @Test
  void failGetMoreAfterCursorCheckoutUsesTheGivenCode() {
    configure("failGetMoreAfterCursorCheckout", "'alwaysOn'", "{errorCode: 280}");

    assertThat(failPoints.failGetMoreAfterCursorCheckout()).isEqualTo(OptionalInt.of(280));
  }

  @Test
  void onPrimaryTransactionalWriteHandsOutItsData() {
    configure("onPrimaryTransactionalWrite", "{times: 1}", "{failBeforeCommitExceptionCode: 91}");

    assertThat(failPoints.onPrimaryTransactionalWrite())
        .contains(BsonDocument.parse("{failBeforeCommitExceptionCode: 91}"));
    assertThat(failPoints.onPrimaryTransactionalWrite()).isEmpty();
  }

  @Test
  void configureReportsTheTimesEntered() {
    configure("failCommand", "'alwaysOn'", "{failCommands: ['ping']}");
    failPing();
    failPing();

    assertThat(configure("failCommand", "'off'", "{}")).isEqualTo(2);
  }

  @Test
  void badModesAndNamesAreRefused() {
    assertThatThrownBy(() -> configure("failCommand", "'sometimes'", "{}")).isInstanceOf(MongoError.class);
    assertThatThrownBy(() -> configure("failCommand", "{times: -1}", "{}")).isInstanceOf(MongoError.class);
    assertThatThrownBy(() -> configure("nope", "'off'", "{}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(266));
  }

  @Test
  void pauseJournalFlusherHoldsAWaiterUntilItsTimeRunsOutOrTheFailPointIsTurnedOff() {
    assertThat(failPoints.pauseJournalFlusher(0)).isTrue();
    configure("pauseJournalFlusherThread", "'alwaysOn'", "{}");
    assertThat(failPoints.pauseJournalFlusher(0)).isFalse();

    CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(
        () -> failPoints.pauseJournalFlusher(Long.MAX_VALUE));
    // Reconfiguring reports how often the fail point paused so far: past the first call's one, the waiter waits.
    while (configure("pauseJournalFlusherThread", "'alwaysOn'", "{}") < 2) {
      Thread.onSpinWait();
    }
    configure("pauseJournalFlusherThread", "'off'", "{}");

    assertThat(waiter.join()).isTrue();
  }

  private boolean failPing() {
    return failPoints.failCommand(List.of("ping"), null, "admin.$cmd").isPresent();
  }

  private long configure(String name, String mode, String data) {
    BsonDocument holder = BsonDocument.parse("{mode: " + mode + "}");
    return failPoints.configure(name, holder.get("mode"), BsonDocument.parse(data));
  }
}

package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class ResumeTokenTest {
  private static final UUID UUID_1 = UUID.fromString("48e5e1b4-6c8f-4a0b-9c1d-1e2f3a4b27e0");
  private static final BsonTimestamp T = new BsonTimestamp(1659039316, 2);

  @Test
  void highWaterMarkHasMongoDbsV2Layout() {
    assertThat(ResumeToken.highWaterMark(T).toBson())
        .isEqualTo(new BsonDocument("_data", new BsonString("8262E2EE5400000002" + "2B04" + "29" + "29" + "6E" + "14"
            + "04")));
  }

  @Test
  void eventTokenStartsWithTimestampVersionAndEventType() {
    String hex = event(T, 0, false).toBson().getString("_data").getValue();
    assertThat(hex).startsWith("8262E2EE5400000002" + "2B04" + "2C0100" + "29" + "6E" + "5A1004"
        + "48E5E1B46C8F4A0B9C1D1E2F3A4B27E0").endsWith("04").isUpperCase();
  }

  @Test
  void decodesTheFixedPrefix() {
    ResumeToken token = ResumeToken.parse(event(T, 300, true).toBson());
    assertThat(token.clusterTime()).isEqualTo(T);
    assertThat(token.isHighWaterMark()).isFalse();
    assertThat(token.txnOpIndex()).isEqualTo(300);
    assertThat(token.fromInvalidate()).isTrue();
    assertThat(token.uuid()).isEqualTo(UUID_1);
    assertThat(token).isEqualTo(event(T, 300, true));
  }

  @Test
  void highWaterMarkSortsBeforeEventsAtTheSameTimeAndInvalidateRightAfterItsEvent() {
    ResumeToken hwm = ResumeToken.highWaterMark(T);
    ResumeToken event = event(T, 0, false);
    ResumeToken invalidate = event(T, 0, true);
    ResumeToken next = ResumeToken.highWaterMark(new BsonTimestamp(T.getValue() + 1));
    assertThat(hwm).isLessThan(event);
    assertThat(event).isLessThan(invalidate);
    assertThat(invalidate).isLessThan(next);
  }

  @Test
  void fragmentsSortAfterTheirEventAndAreRecognized() {
    ResumeToken event = event(T, 0, false);
    assertThat(event.fragment(0)).isGreaterThan(event).isLessThan(event.fragment(1));
    assertThat(event.fragment(1).isFragmentOf(event)).isTrue();
    assertThat(event.isFragmentOf(event)).isFalse();
  }

  @Property
  void tokensOrderAsHexStringsInStreamOrder(@ForAll @IntRange(min = 1, max = 5) int secondsA,
      @ForAll @IntRange(min = 0, max = 3) int incA, @ForAll boolean eventA, @ForAll @IntRange(max = 200) int opA,
      @ForAll @IntRange(min = 1, max = 5) int secondsB, @ForAll @IntRange(min = 0, max = 3) int incB,
      @ForAll boolean eventB, @ForAll @IntRange(max = 200) int opB) {
    ResumeToken a = token(new BsonTimestamp(secondsA, incA), eventA, opA);
    ResumeToken b = token(new BsonTimestamp(secondsB, incB), eventB, opB);
    int expected = Long.compare(((long) secondsA << 32) | incA, ((long) secondsB << 32) | incB);
    if (expected == 0) {
      expected = eventA == eventB ? (eventA ? Integer.compare(opA, opB) : 0) : (eventA ? 1 : -1);
    }
    String hexA = a.toBson().getString("_data").getValue();
    String hexB = b.toBson().getString("_data").getValue();
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(expected));
    assertThat(Integer.signum(hexA.compareTo(hexB))).isEqualTo(Integer.signum(expected));
  }

  @Test
  void rejectsMalformedTokensWithMongoDbsCodes() {
    assertCode(new BsonDocument("_data", new BsonInt32(1)), 40647);
    assertCode(new BsonDocument(), 40647);
    assertCode(new BsonDocument("_data", new BsonString("82")).append("_typeBits", new BsonString("x")), 40648);
    assertCode(new BsonDocument("_data", new BsonString("82")).append("_typeBits",
        new BsonBinary(BsonBinarySubType.UUID_STANDARD, new byte[16])), 40648);
    assertCode(new BsonDocument("_data", new BsonString("82")).append("extra", new BsonInt32(1)), 40649);
    assertCode(new BsonDocument("_data", new BsonString("XYZ")), 9);
    assertCode(new BsonDocument("_data", new BsonString("")), 50795);
    assertCode(new BsonDocument("_data", new BsonString("0102")), 50795);
    assertCode(new BsonDocument("_data", new BsonString("8262E2EE54000000022B04")), 50795);
  }

  private static void assertCode(BsonDocument token, int code) {
    assertThatThrownBy(() -> ResumeToken.parse(token)).isInstanceOfSatisfying(MongoError.class,
        e -> assertThat(e.code().code()).isEqualTo(code));
  }

  private static ResumeToken token(BsonTimestamp time, boolean event, int txnOpIndex) {
    return event ? ResumeToken.event(time, txnOpIndex, false, UUID_1, identifier(), null)
        : ResumeToken.highWaterMark(time);
  }

  private static ResumeToken event(BsonTimestamp time, int txnOpIndex, boolean fromInvalidate) {
    return ResumeToken.event(time, txnOpIndex, fromInvalidate, UUID_1, identifier(), null);
  }

  private static BsonDocument identifier() {
    return new BsonDocument("operationType", new BsonString("insert")).append("documentKey",
        new BsonDocument("_id", new BsonInt32(1)));
  }
}

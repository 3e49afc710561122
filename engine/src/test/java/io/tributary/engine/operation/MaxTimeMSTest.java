package io.tributary.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class MaxTimeMSTest {
  @Test
  void absentOrZeroMeansNoLimit() {
    assertThat(MaxTimeMS.of(BsonDocument.parse("{ping: 1}"))).isZero();
    assertThat(MaxTimeMS.of(BsonDocument.parse("{ping: 1, maxTimeMS: 0}"))).isZero();
  }

  @Test
  void acceptsIntegersLongsAndIntegralDoubles() {
    assertThat(MaxTimeMS.of(BsonDocument.parse("{ping: 1, maxTimeMS: 100}"))).isEqualTo(100);
    assertThat(MaxTimeMS.of(BsonDocument.parse("{ping: 1, maxTimeMS: {$numberLong: '2147483647'}}")))
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(MaxTimeMS.of(BsonDocument.parse("{ping: 1, maxTimeMS: 250.0}"))).isEqualTo(250);
  }

  @Test
  void refusesWhatMongodRefusesWithItsMessages() {
    assertBadValue("{ping: 1, maxTimeMS: 'x'}", "maxTimeMS must be a number");
    assertBadValue("{ping: 1, maxTimeMS: -1}", "maxTimeMS is out of range");
    assertBadValue("{ping: 1, maxTimeMS: {$numberLong: '2147483648'}}", "maxTimeMS is out of range");
    assertBadValue("{ping: 1, maxTimeMS: 1.5}", "maxTimeMS has non-integral value");
    assertBadValue("{ping: 1, maxTimeMS: -0.5}", "maxTimeMS has non-integral value");
  }

  private static void assertBadValue(String command, String message) {
    assertThatThrownBy(() -> MaxTimeMS.of(BsonDocument.parse(command)))
        .isInstanceOfSatisfying(MongoError.class, e -> {
          assertThat(e.code().code()).isEqualTo(2);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }
}

package io.tributary.conformance.unified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.CollationStrength;
import com.mongodb.client.model.ReturnDocument;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class DriverOptionsTest {

  @Test
  void writeConcernsTakeNumbersTagsJournalAndTimeouts() {
    assertThat(DriverOptions.writeConcern(BsonDocument.parse("{w: 0}"))).isEqualTo(WriteConcern.UNACKNOWLEDGED);
    assertThat(DriverOptions.writeConcern(BsonDocument.parse("{w: 'majority', journal: true, wtimeoutMS: 50}")))
        .isEqualTo(WriteConcern.MAJORITY.withJournal(true).withWTimeout(50, TimeUnit.MILLISECONDS));
    assertThatThrownBy(() -> DriverOptions.writeConcern(BsonDocument.parse("{fsync: true}")))
        .isInstanceOf(UnsupportedFeature.class);
  }

  @Test
  void readConcernAndPreferenceByName() {
    assertThat(DriverOptions.readConcern(BsonDocument.parse("{level: 'majority'}"))).isEqualTo(ReadConcern.MAJORITY);
    assertThat(DriverOptions.readPreference(BsonDocument.parse("{mode: 'secondaryPreferred'}")))
        .isEqualTo(ReadPreference.secondaryPreferred());
  }

  @Test
  void collationsMapEveryField() {
    assertThat(DriverOptions.collation(BsonDocument.parse("{locale: 'en_US', strength: 2}")).getStrength())
        .isEqualTo(CollationStrength.SECONDARY);
    assertThatThrownBy(() -> DriverOptions.collation(BsonDocument.parse("{locale: 'en', bogus: 1}")))
        .isInstanceOf(UnsupportedFeature.class);
  }

  @Test
  void returnDocumentIsCaseInsensitiveAndOtherwiseInvalid() {
    assertThat(DriverOptions.returnDocument("after")).isEqualTo(ReturnDocument.AFTER);
    assertThat(DriverOptions.returnDocument("Before")).isEqualTo(ReturnDocument.BEFORE);
    assertThatThrownBy(() -> DriverOptions.returnDocument("invalid")).isInstanceOf(InvalidTestFile.class);
  }

  @Test
  void transactionOptionsNestTheirConcerns() {
    var options = DriverOptions.transactionOptions(BsonDocument.parse(
        "{readConcern: {level: 'snapshot'}, writeConcern: {w: 1}, maxCommitTimeMS: 60}"));
    assertThat(options.getReadConcern()).isEqualTo(ReadConcern.SNAPSHOT);
    assertThat(options.getWriteConcern()).isEqualTo(WriteConcern.W1);
    assertThat(options.getMaxCommitTime(TimeUnit.MILLISECONDS)).isEqualTo(60L);
  }
}

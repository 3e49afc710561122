package io.tributary.engine.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.MatchResult;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/** Test shorthand: updates and documents written as MongoDB extended JSON. */
final class Updates {
  private Updates() {}

  static BsonDocument doc(String json) {
    return BsonDocument.parse(json);
  }

  static UpdateResult apply(String document, String update) {
    return apply(document, update, MatchResult.MATCH);
  }

  static UpdateResult apply(String document, String update, MatchResult match) {
    BsonDocument original = doc(document);
    BsonDocument before = original.clone();
    UpdateResult result = Update.parse(doc(update), null).apply(original, match, false);
    assertThat(original).isEqualTo(before);
    return result;
  }

  static UpdateResult applyWithFilters(String document, String update, String arrayFilters) {
    BsonArray filters = BsonDocument.parse("{f: " + arrayFilters + "}").getArray("f");
    return Update.parse(doc(update), filters).apply(doc(document), MatchResult.MATCH, false);
  }

  /** Asserts the new document, compared field order included. */
  static void assertDocument(UpdateResult result, String expected) {
    assertThat(result.document().toJson()).isEqualTo(doc(expected).toJson());
  }

  static MongoError parseError(String update) {
    return catchThrowableOfType(MongoError.class, () -> Update.parse(doc(update), null));
  }

  static MongoError applyError(String document, String update) {
    Update parsed = Update.parse(doc(update), null);
    return catchThrowableOfType(MongoError.class, () -> parsed.apply(doc(document), MatchResult.MATCH, false));
  }

  static void assertError(MongoError error, int code, String codeName, String message) {
    assertThat(error).as("expected error %s", codeName).isNotNull();
    assertThat(error.code().code()).isEqualTo(code);
    assertThat(error.code().codeName()).isEqualTo(codeName);
    assertThat(error.getMessage()).isEqualTo(message);
  }

  /** The description as a change event shows it with {@code showExpandedEvents}. */
  static BsonDocument description(UpdateResult result) {
    return result.description().toBson(true);
  }

  /** A context with no collections whose clock reads {@code now} and {@code clusterTime}. */
  static PipelineContext fixedClock(BsonDateTime now, BsonTimestamp clusterTime) {
    return new PipelineContext() {
      @Override
      public String database() {
        return "test";
      }

      @Override
      public Iterable<BsonDocument> scan(Namespace namespace) {
        return List.of();
      }

      @Override
      public BsonDateTime now() {
        return now;
      }

      @Override
      public BsonTimestamp clusterTime() {
        return clusterTime;
      }
    };
  }
}

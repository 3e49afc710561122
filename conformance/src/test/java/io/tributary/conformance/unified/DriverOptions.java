package io.tributary.conformance.unified;

import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.ReadPreference;
import com.mongodb.Tag;
import com.mongodb.TagSet;
import com.mongodb.TransactionOptions;
import com.mongodb.WriteConcern;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.CollationAlternate;
import com.mongodb.client.model.CollationCaseFirst;
import com.mongodb.client.model.CollationMaxVariable;
import com.mongodb.client.model.CollationStrength;
import com.mongodb.client.model.ReturnDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Turns the format's option documents (read/write concern, read preference, collation,
 * transaction options, enums) into the Java driver's objects. Stateless.
 */
// spec: unified-test-format.md#common-options
public final class DriverOptions {

  private DriverOptions() {}

  public static WriteConcern writeConcern(BsonDocument document) {
    WriteConcern concern = WriteConcern.ACKNOWLEDGED;
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      BsonValue value = field.getValue();
      concern = switch (field.getKey()) {
        case "w" -> value.isString() ? concern.withW(value.asString().getValue())
            : concern.withW(value.asNumber().intValue());
        case "journal", "j" -> concern.withJournal(value.asBoolean().getValue());
        case "wtimeoutMS", "wtimeout" -> concern.withWTimeout(value.asNumber().longValue(), TimeUnit.MILLISECONDS);
        default -> throw new UnsupportedFeature("write concern option " + field.getKey());
      };
    }
    return concern;
  }

  public static ReadConcern readConcern(BsonDocument document) {
    return document.containsKey("level")
        ? new ReadConcern(ReadConcernLevel.fromString(document.getString("level").getValue()))
        : ReadConcern.DEFAULT;
  }

  public static ReadPreference readPreference(BsonDocument document) {
    String mode = document.getString("mode").getValue();
    List<TagSet> tagSets = new ArrayList<>();
    for (BsonValue tags : document.getArray("tagSets", new org.bson.BsonArray())) {
      List<Tag> tagList = tags.asDocument().entrySet().stream()
          .map(e -> new Tag(e.getKey(), e.getValue().asString().getValue())).toList();
      tagSets.add(new TagSet(tagList));
    }
    if (document.containsKey("maxStalenessSeconds")) {
      return ReadPreference.valueOf(mode, tagSets,
          document.getNumber("maxStalenessSeconds").longValue(), TimeUnit.SECONDS);
    }
    return tagSets.isEmpty() ? ReadPreference.valueOf(mode) : ReadPreference.valueOf(mode, tagSets);
  }

  public static Collation collation(BsonDocument document) {
    Collation.Builder builder = Collation.builder();
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      BsonValue value = field.getValue();
      switch (field.getKey()) {
        case "locale" -> builder.locale(value.asString().getValue());
        case "caseLevel" -> builder.caseLevel(value.asBoolean().getValue());
        case "caseFirst" -> builder.collationCaseFirst(CollationCaseFirst.fromString(value.asString().getValue()));
        case "strength" -> builder.collationStrength(CollationStrength.fromInt(value.asNumber().intValue()));
        case "numericOrdering" -> builder.numericOrdering(value.asBoolean().getValue());
        case "alternate" -> builder.collationAlternate(CollationAlternate.fromString(value.asString().getValue()));
        case "maxVariable" -> builder.collationMaxVariable(
            CollationMaxVariable.fromString(value.asString().getValue()));
        case "normalization" -> builder.normalization(value.asBoolean().getValue());
        case "backwards" -> builder.backwards(value.asBoolean().getValue());
        default -> throw new UnsupportedFeature("collation option " + field.getKey());
      }
    }
    return builder.build();
  }

  public static TransactionOptions transactionOptions(BsonDocument document) {
    TransactionOptions.Builder builder = TransactionOptions.builder();
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      switch (field.getKey()) {
        case "readConcern" -> builder.readConcern(readConcern(field.getValue().asDocument()));
        case "writeConcern" -> builder.writeConcern(writeConcern(field.getValue().asDocument()));
        case "readPreference" -> builder.readPreference(readPreference(field.getValue().asDocument()));
        case "maxCommitTimeMS" -> builder.maxCommitTime(field.getValue().asNumber().longValue(),
            TimeUnit.MILLISECONDS);
        default -> throw new UnsupportedFeature("transaction option " + field.getKey());
      }
    }
    return builder.build();
  }

  /** {@code Before} or {@code After}, case-insensitively; anything else is an invalid test file. */
  public static ReturnDocument returnDocument(String value) {
    for (ReturnDocument candidate : ReturnDocument.values()) {
      if (candidate.name().equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw new InvalidTestFile("returnDocument must be Before or After, not " + value);
  }
}

package io.tributary.engine.changestream;

import io.tributary.engine.bson.BsonTypeName;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.error.ErrorCode;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * The parsed, validated argument of a {@code $changeStream} stage. Immutable.
 *
 * <p>spec: reference §1.2. At most one start option is set; a {@code resumeAfter} token is never an invalidate.
 *
 * @param resumeAfter events strictly after this token, or null
 * @param startAfter like resumeAfter, but may be an invalidate token (the new stream starts past it), or null
 * @param startAtOperationTime events at or after this time, or null
 */
public record ChangeStreamSpec(ResumeToken resumeAfter, ResumeToken startAfter, BsonTimestamp startAtOperationTime,
    FullDocument fullDocument, FullDocumentBeforeChange fullDocumentBeforeChange, boolean allChangesForCluster,
    boolean showExpandedEvents) {

  public static final String STAGE_NAME = "$changeStream";

  /** Server-internal flags MongoDB accepts; they change nothing here. */
  private static final Set<String> INTERNAL_FLAGS = Set.of("showMigrationEvents", "showSystemEvents",
      "allowToRunOnConfigDB", "allowToRunOnSystemNS", "showRawUpdateDescription",
      "matchCollectionUUIDForUpdateLookup", "showCommitTimestamp");

  /** Parses the stage argument; every failure carries the code MongoDB uses. */
  public static ChangeStreamSpec parse(BsonValue argument) {
    if (!argument.isDocument()) {
      throw ErrorCode.location(50808).error("$changeStream stage expects a document as argument");
    }
    BsonDocument options = argument.asDocument();
    options.keySet().forEach(ChangeStreamSpec::checkKnown);
    ResumeToken resumeAfter = token(options, "resumeAfter");
    ResumeToken startAfter = token(options, "startAfter");
    BsonTimestamp startAt = typed(options, "startAtOperationTime", BsonType.TIMESTAMP) == null
        ? null : options.getTimestamp("startAtOperationTime");
    checkStartOptions(resumeAfter, startAfter, startAt);
    return new ChangeStreamSpec(resumeAfter, startAfter, startAt,
        FullDocument.parse(string(options, "fullDocument", "default")),
        FullDocumentBeforeChange.parse(string(options, "fullDocumentBeforeChange", "off")),
        bool(options, "allChangesForCluster"), bool(options, "showExpandedEvents"));
  }

  /** The token the stream resumes from, if any. */
  public ResumeToken resumeToken() {
    return resumeAfter != null ? resumeAfter : startAfter;
  }

  private static void checkKnown(String field) {
    boolean known = switch (field) {
      case "resumeAfter", "startAfter", "startAtOperationTime", "fullDocument", "fullDocumentBeforeChange",
          "allChangesForCluster", "showExpandedEvents" -> true;
      default -> INTERNAL_FLAGS.contains(field);
    };
    if (!known) {
      throw ErrorCode.location(40415).error("BSON field '$changeStream." + field + "' is an unknown field.");
    }
  }

  private static void checkStartOptions(ResumeToken resumeAfter, ResumeToken startAfter, BsonTimestamp startAt) {
    if (resumeAfter != null && startAfter != null) {
      throw ErrorCode.location(50865).error("Do not specify both 'resumeAfter' and 'startAfter' in a $changeStream"
          + " stage");
    }
    if (startAt != null && (resumeAfter != null || startAfter != null)) {
      throw ErrorCode.location(40674).error("Only one type of resume option is allowed, but multiple were found.");
    }
    if (resumeAfter != null && resumeAfter.fromInvalidate()) {
      throw ErrorCode.INVALID_RESUME_TOKEN.error("Attempting to resume a change stream using 'resumeAfter' is not"
          + " allowed from an invalidate notification.");
    }
  }

  private static ResumeToken token(BsonDocument options, String field) {
    return typed(options, field, BsonType.DOCUMENT) == null ? null : ResumeToken.parse(options.getDocument(field));
  }

  private static String string(BsonDocument options, String field, String defaultValue) {
    return typed(options, field, BsonType.STRING) == null ? defaultValue : options.getString(field).getValue();
  }

  private static boolean bool(BsonDocument options, String field) {
    BsonValue value = typed(options, field, BsonType.BOOLEAN);
    return value != null && value.asBoolean().getValue();
  }

  /** The field's value, null when absent; TypeMismatch (14) when it has another type. */
  private static BsonValue typed(BsonDocument options, String field, BsonType type) {
    BsonValue value = options.get(field);
    if (value != null && value.getBsonType() != type) {
      throw CommandArguments.typeMismatch("$changeStream." + field, BsonTypeName.nameOf(type), value);
    }
    return value;
  }
}

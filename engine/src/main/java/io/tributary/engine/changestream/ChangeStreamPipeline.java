package io.tributary.engine.changestream;

import io.tributary.engine.aggregate.Pipeline;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.ErrorLabels;
import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

/**
 * The stages a user put after {@code $changeStream}, run on each event. Immutable and thread-safe.
 *
 * <p>spec: reference §1.5. Only the stages that keep a stream resumable are allowed; the pipeline may reshape
 * events but not their {@code _id}, which is checked on every event (ChangeStreamFatalError 280, not resumable).
 * Events over 16 MiB are split when the pipeline ends with {@code $changeStreamSplitLargeEvent}, else they fail
 * with BSONObjectTooLarge.
 */
final class ChangeStreamPipeline {
  static final String SPLIT_STAGE = "$changeStreamSplitLargeEvent";

  private static final Set<String> ALLOWED = Set.of("$match", "$project", "$addFields", "$set", "$unset",
      "$replaceRoot", "$replaceWith", "$redact");
  /** Stages MongoDB knows but refuses after {@code $changeStream} (IllegalOperation), as opposed to unknown ones. */
  private static final Set<String> KNOWN_ELSEWHERE = Set.of("$group", "$sort", "$limit", "$skip", "$lookup",
      "$unwind", "$out", "$merge", "$facet", "$bucket", "$bucketAuto", "$count", "$geoNear", "$graphLookup",
      "$sample", "$sortByCount", "$indexStats", "$collStats", "$currentOp", "$listSessions", "$listLocalSessions",
      "$planCacheStats", "$densify", "$fill", "$setWindowFields", "$unionWith", "$documents", "$search",
      "$searchMeta", "$vectorSearch", "$listSearchIndexes", "$changeStreamSplitLargeEvent");

  private final Pipeline pipeline;
  /**
   * The pipeline's filters when it is only {@code $match} stages without {@code $expr} (no stages: none), else null.
   * The notifier runs every shape's stages on every new entry, so these are tested directly, without building an
   * execution context per event.
   */
  private final List<Matcher> filters;
  private final boolean splitLargeEvents;

  private ChangeStreamPipeline(Pipeline pipeline, boolean splitLargeEvents) {
    this.pipeline = pipeline;
    this.filters = pipeline.constantFilters();
    this.splitLargeEvents = splitLargeEvents;
  }

  /** Validates the stages after {@code $changeStream} (the stage itself excluded). */
  static ChangeStreamPipeline parse(List<BsonDocument> stages, PipelineContext context) {
    List<BsonDocument> userStages = new ArrayList<>();
    boolean split = false;
    for (int i = 0; i < stages.size(); i++) {
      String name = Pipeline.stageName(stages.get(i));
      if (name.equals(SPLIT_STAGE)) {
        checkSplitStage(stages.get(i).get(name), i == stages.size() - 1);
        split = true;
      } else {
        checkAllowed(name);
        userStages.add(stages.get(i));
      }
    }
    return new ChangeStreamPipeline(Pipeline.parse(userStages, context), split);
  }

  /**
   * What {@code event} becomes: nothing if filtered out, one document, or the fragments of a split event. The
   * documents are encoded here, once for every stream of the shape ({@link EventSize#encode}).
   */
  List<StreamOutput> apply(ChangeEvent event, PipelineContext context) {
    BsonDocument document = filters != null ? filtered(event) : pipeline.applyTo(event.document(), context);
    if (document == null) {
      return List.of();
    }
    checkIdUnchanged(document, event);
    RawBsonDocument encoded = EventSize.encode(document);
    int size = encoded.getByteBuffer().remaining();
    if (size <= EventSize.MAX_BSON_SIZE) {
      return List.of(new StreamOutput(event.token(), encoded, size));
    }
    if (!splitLargeEvents) {
      throw ErrorCode.BSON_OBJECT_TOO_LARGE.error("BSONObj size: " + size + " (0x"
          + Integer.toHexString(size).toUpperCase() + ") is invalid. Size must be between 0 and 16793600(16MB)");
    }
    List<StreamOutput> fragments = new ArrayList<>();
    for (BsonDocument fragment : EventSplitter.split(document, event.token())) {
      RawBsonDocument encodedFragment = EventSize.encode(fragment);
      fragments.add(new StreamOutput(ResumeToken.parse(fragment.getDocument("_id")), encodedFragment,
          encodedFragment.getByteBuffer().remaining()));
    }
    return fragments;
  }

  /** The event's document if it passes every filter; the filters read its view decoded once for all shapes. */
  private BsonDocument filtered(ChangeEvent event) {
    if (filters.isEmpty()) {
      return event.document(); // no stages: nothing to decode
    }
    BsonDocument view = event.filterView();
    for (Matcher filter : filters) {
      if (!filter.matches(view)) {
        return null;
      }
    }
    return event.document();
  }

  private static void checkAllowed(String name) {
    if (ALLOWED.contains(name)) {
      return;
    }
    if (name.equals(ChangeStreamSpec.STAGE_NAME)) {
      throw ErrorCode.location(40602).error("$changeStream is only valid as the first stage in a pipeline");
    }
    if (KNOWN_ELSEWHERE.contains(name)) {
      throw ErrorCode.ILLEGAL_OPERATION.error(name + " is not permitted in a $changeStream pipeline");
    }
    throw ErrorCode.location(40324).error("Unrecognized pipeline stage name: '" + name + "'");
  }

  private static void checkSplitStage(BsonValue argument, boolean last) {
    if (!argument.isDocument() || !argument.asDocument().isEmpty()) {
      throw ErrorCode.location(7182800).error("$changeStreamSplitLargeEvent stage expects an empty document as"
          + " argument");
    }
    if (!last) {
      throw ErrorCode.location(7182802).error("$changeStreamSplitLargeEvent must be the last stage in the pipeline");
    }
  }

  private static void checkIdUnchanged(BsonDocument document, ChangeEvent event) {
    BsonValue id = document.get("_id");
    if (id == event.document().get("_id")) {
      return; // the stages passed the event's own _id through (stages never modify their input)
    }
    ResumeToken token = event.token();
    if (!token.toBson().equals(id)) {
      throw ErrorCode.CHANGE_STREAM_FATAL_ERROR.error("Encountered an event whose _id field, which contains the"
          + " resume token, was modified by the pipeline. Modifying the _id field of an event makes it impossible"
          + " to resume the stream from that point. Only transformations that retain the unmodified _id field are"
          + " allowed. Expected: " + token + " but found: "
          + (document.containsKey("_id") ? document.get("_id").toString() : "missing"))
          .withLabel(ErrorLabels.NON_RESUMABLE_CHANGE_STREAM_ERROR);
    }
  }
}

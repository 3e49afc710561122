package io.tributary.engine.update;

import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.query.MatchResult;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * A compiled update: a replacement document, an operator document ({@code {$set: ..., $inc: ...}}) or an
 * aggregation pipeline. Parsing validates the whole update with mongod's errors; applying never modifies its input.
 * Immutable and thread-safe.
 *
 * <p>Upserts: {@link #seedForUpsert} builds the starting document from the filter, then {@link #apply} with
 * {@code upsertInsert} true applies the update to it ({@code $setOnInsert} included) and returns the document to
 * insert, {@code _id} first (a new ObjectId when neither the filter nor the update gave one).
 */
public final class Update {
  private final OperatorUpdate operators;
  private final BsonDocument replacement;
  private final PipelineUpdate pipeline;
  private final PipelineContext context;

  private Update(OperatorUpdate operators, BsonDocument replacement, PipelineUpdate pipeline,
      PipelineContext context) {
    this.operators = operators;
    this.replacement = replacement;
    this.pipeline = pipeline;
    this.context = context;
  }

  /** Compiles an update with the system clock for {@code $currentDate}, {@code $$NOW} and {@code $$CLUSTER_TIME}. */
  public static Update parse(BsonValue spec, BsonArray arrayFilters) {
    return parse(spec, arrayFilters, SystemClockContext.INSTANCE);
  }

  /** Compiles an update; invalid updates fail with MongoDB's errors (FailedToParse, ConflictingUpdateOperators...). */
  public static Update parse(BsonValue updateSpec, BsonArray arrayFilters, PipelineContext context) {
    // A private copy: the compiled update must not change if the caller later mutates its spec.
    BsonValue spec = Values.deepCopy(updateSpec);
    if (spec.isArray()) {
      return new Update(null, null, PipelineUpdate.parse(spec.asArray(), arrayFilters, context), context);
    }
    if (!spec.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("Update argument must be either an object or an array");
    }
    BsonDocument document = spec.asDocument();
    if (document.isEmpty() || !document.getFirstKey().startsWith("$")) {
      if (arrayFilters != null && !arrayFilters.isEmpty()) {
        throw ErrorCode.FAILED_TO_PARSE.error("arrayFilters may not be specified for replacement-style updates");
      }
      return new Update(null, withCurrentTimestamps(document, context), null, context);
    }
    OperatorUpdate operators = OperatorUpdate.parse(document, ArrayFilters.parse(arrayFilters, context.collation()),
        context.collation());
    return new Update(operators, null, null, context);
  }

  /**
   * The replacement with its top-level empty timestamps ({@code Timestamp(0, 0)}, other than {@code _id}) set to
   * the current cluster time, as mongod does for replacements and inserts.
   */
  private static BsonDocument withCurrentTimestamps(BsonDocument replacement, PipelineContext context) {
    BsonTimestamp now = context.clusterTime();
    if (now != null) {
      replacement.entrySet().stream()
          .filter(field -> !field.getKey().equals("_id") && field.getValue().isTimestamp()
              && field.getValue().asTimestamp().getValue() == 0)
          .forEach(field -> field.setValue(now));
    }
    return replacement;
  }

  /** True for a replacement document (no operators). */
  public boolean isReplacement() {
    return replacement != null;
  }

  /**
   * The document an upsert with this update and {@code filter} starts from: the filter's equality conditions (for
   * a replacement, only its {@code _id}).
   */
  public BsonDocument seedForUpsert(BsonDocument filter) {
    return UpsertSeed.fromFilter(filter, isReplacement());
  }

  /**
   * Applies the update to {@code original} (which is not modified). {@code match} gives the position for the
   * positional operator; {@code upsertInsert} is true when the document is being inserted by an upsert (so
   * {@code $setOnInsert} applies and {@code _id} may be set).
   */
  public UpdateResult apply(BsonDocument original, MatchResult match, boolean upsertInsert) {
    if (operators != null) {
      return applyOperators(original, match, upsertInsert);
    }
    BsonDocument contents = replacement != null ? replacement : pipeline.transform(original);
    BsonDocument replaced = Replacement.replace(original, contents, upsertInsert, pipeline != null);
    if (replaced == null) {
      BsonDocument unchanged = Values.deepCopy(original);
      return new UpdateResult(upsertInsert ? finishInsert(unchanged) : unchanged, UpdateDescription.empty(),
          upsertInsert, replacement != null);
    }
    if (upsertInsert) {
      return new UpdateResult(finishInsert(replaced), UpdateDescription.empty(), true, true);
    }
    DocumentDiff delta = replacement != null ? null : DeltaCalculator.compute(original, replaced);
    return delta == null ? new UpdateResult(replaced, UpdateDescription.empty(), true, true)
        : new UpdateResult(replaced, DescriptionBuilder.describe(delta), true, false);
  }

  private UpdateResult applyOperators(BsonDocument original, MatchResult match, boolean upsertInsert) {
    BsonDocument document = Values.deepCopy(original);
    String matched = match.arrayPosition() >= 0 ? Integer.toString(match.arrayPosition()) : "";
    BsonDateTime now = context.now();
    BsonTimestamp clusterTime = context.clusterTime() != null ? context.clusterTime()
        : new BsonTimestamp((int) (now.getValue() / 1000), 1);
    ApplyContext applyContext = new ApplyContext(document, matched, upsertInsert, now, clusterTime);
    ChangeLog log = new ChangeLog();
    boolean modified = operators.apply(applyContext, log);
    if (upsertInsert) {
      return new UpdateResult(finishInsert(document), UpdateDescription.empty(), true);
    }
    return new UpdateResult(document, DescriptionBuilder.describe(log.diff()), modified);
  }

  /** Validates a document an upsert inserts and puts its {@code _id} first, generating one when missing. */
  private static BsonDocument finishInsert(BsonDocument document) {
    StorageRules.checkId(document);
    BsonValue id = document.containsKey("_id") ? document.remove("_id") : new BsonObjectId();
    BsonDocument ordered = new BsonDocument("_id", id);
    ordered.putAll(document);
    return ordered;
  }

  /** The clock readings of an update compiled without a context: the system clock. */
  private enum SystemClockContext implements PipelineContext {
    INSTANCE;

    @Override
    public String database() {
      return "";
    }

    @Override
    public Iterable<BsonDocument> scan(Namespace namespace) {
      return List.of();
    }

    @Override
    public BsonDateTime now() {
      return new BsonDateTime(System.currentTimeMillis());
    }

    @Override
    public BsonTimestamp clusterTime() {
      return new BsonTimestamp((int) (System.currentTimeMillis() / 1000), 1);
    }
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.query.Projection;
import java.util.Optional;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code find}: filter, sort (by an index when the planner finds one, else in memory), projection, skip, limit,
 * batchSize, singleBatch, {@code hint} (a {@code $natural} sort is a collection scan in that direction);
 * {@code allowDiskUse}, {@code comment}, {@code maxTimeMS} are accepted. {@code tailable} ({@code awaitData}) on a
 * capped collection: {@link TailableFind}.
 * Reads one storage snapshot for the cursor's whole life. A missing collection yields an empty, exhausted cursor;
 * a view is read through its pipeline.
 */
public final class FindCommand implements SyncCommand {
  /** Options that can make a find by {@code _id} read more than that one document, or read it later. */
  private static final List<String> UNBOUNDED_OPTIONS = List.of("sort", "hint", "collation", "readConcern",
      "tailable", "awaitData");

  @Override
  public String name() {
    return "find";
  }

  /**
   * Quick: a find by {@code _id} equality on a collection (not a view nor the oplog) of an in-memory engine, which
   * is one probe of the {@code _id} index and never touches a disk.
   */
  @Override
  public boolean isQuick(Engine engine, String database, BsonDocument command) {
    if (engine.storage().isDurable() || !command.isString(name()) || !command.isDocument("filter")
        || QueryRequest.idEquality(command.getDocument("filter")).isEmpty()
        || CommandArguments.hasAny(command, UNBOUNDED_OPTIONS)) {
      return false;
    }
    Namespace namespace = Namespace.of(database, command.getString(name()).getValue());
    return !OplogCollection.is(namespace)
        && engine.catalog().lookup(namespace).map(collection -> !collection.isView()).orElse(true);
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    Collation collation = CommandCollation.of(context.engine(), namespace, command);
    FindOptions options = FindOptions.parse(command, collation);
    Optional<BsonDocument> byId = IdLookupFind.run(context, namespace, command, options, collation);
    if (byId.isPresent()) {
      return byId.get();
    }
    Matcher matcher = Matcher.compile(options.filter(),
        EnginePipelineContext.of(context, command).variables().withCollation(collation));
    if (TailableFind.requested(command)) {
      return TailableFind.open(context, namespace, command, options, matcher);
    }
    ReadSnapshot read = ReadSnapshot.open(context, command);
    Stream<BsonDocument> results = options.apply(
        ReadTarget.query(context.engine(), read.view(), namespace, options.request(), matcher));
    BsonDocument reply = QueryCursors.open(context, namespace, results.iterator(), () -> {
      results.close();
      read.close();
    }, options.firstBatchSize(), options.singleBatch(), options.noCursorTimeout());
    read.report(reply.getDocument("cursor"));
    return reply;
  }

  /** The parsed options of one find. */
  record FindOptions(BsonDocument filter, BsonDocument sortSpec, SortOrder sort, Projection projection, long skip,
      long limit, int batchSize, boolean singleBatch, boolean noCursorTimeout, BsonValue hint) {

    /** The options of {@code command}, whose sort compares strings under {@code collation}. */
    static FindOptions parse(BsonDocument command, Collation collation) {
      long skip = CommandArguments.longValue(command, "skip", 0);
      long limit = CommandArguments.longValue(command, "limit", 0);
      if (skip < 0) {
        throw ErrorCode.BAD_VALUE.error("Skip value must be non-negative, but received: " + skip);
      }
      if (limit < 0) {
        throw ErrorCode.BAD_VALUE.error("Limit value must be non-negative, but received: " + limit);
      }
      BsonDocument projection = CommandArguments.document(command, "projection");
      BsonDocument sort = CommandArguments.document(command, "sort");
      BsonValue hint = command.get("hint");
      checkNatural(sort, "sort");
      checkNatural(hint != null && hint.isDocument() ? hint.asDocument() : null, "hint");
      if (isNatural(sort)) {
        // A $natural sort is a collection scan in that direction: the storage order, no sort stage.
        hint = hint == null ? sort : hint;
        sort = null;
      }
      return new FindOptions(CommandArguments.document(command, "filter", new BsonDocument()), sort,
          sort == null || sort.isEmpty() ? null : SortOrder.parse(sort, collation),
          projection == null || projection.isEmpty() ? null : Projection.parse(projection), skip, limit,
          QueryCursors.batchSize(command, "batchSize"), CommandArguments.bool(command, "singleBatch", false),
          CommandArguments.bool(command, "noCursorTimeout", false), hint);
    }

    /** A {@code $natural} order is alone and 1 or -1 (BadValue, as mongod 7.0 checks it). */
    private static void checkNatural(BsonDocument spec, String option) {
      BsonValue direction = spec == null ? null : spec.get("$natural");
      if (direction != null && (spec.size() > 1 || !direction.isNumber()
          || Math.abs(direction.asNumber().doubleValue()) != 1)) {
        throw ErrorCode.BAD_VALUE.error("$natural " + option + " cannot be set to a value other than -1 or 1.");
      }
    }

    /** {@code {$natural: 1}} or {@code {$natural: -1}}. */
    static boolean isNatural(BsonDocument sort) {
      return sort != null && sort.size() == 1 && sort.containsKey("$natural");
    }

    QueryRequest request() {
      return new QueryRequest(filter, sort == null ? null : sortSpec, hint);
    }

    /** Sort (unless the plan's order is the sort), skip, limit and projection over the matching documents. */
    Stream<BsonDocument> apply(QueryResults matching) {
      Stream<MatchedDocument> ordered = sort == null || matching.sorted() ? matching.documents()
          : matching.documents().sorted((a, b) -> sort.compare(a.document(), b.document()));
      Stream<MatchedDocument> window = ordered.skip(skip);
      if (limit > 0) {
        window = window.limit(limit);
      }
      return window.map(m -> projection == null ? m.document() : projection.apply(m.document(), m.match()));
    }

    int firstBatchSize() {
      return limit > 0 && (batchSize == 0 || limit < batchSize) ? (int) Math.min(limit, Integer.MAX_VALUE)
          : batchSize;
    }
  }
}

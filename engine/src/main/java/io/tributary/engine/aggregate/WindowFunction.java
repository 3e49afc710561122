package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Accumulation;
import io.tributary.engine.expression.Accumulator;
import io.tributary.engine.expression.Accumulators;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.SortKey;
import io.tributary.engine.expression.Values;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * One output field of {@code $setWindowFields}: an accumulator over a document window ({@code window: {documents:
 * [lower, upper]}}, bounds an offset, {@code "current"} or {@code "unbounded"}; the whole partition by default),
 * or a positional function ({@code $rank $denseRank $documentNumber $shift}). Values are compared under the run's
 * collation (the {@code Scope}'s): rank ties, and the accumulators that compare ({@code $min $max $addToSet
 * $top $bottom $minN $maxN}...), as in {@code $group}.
 */
sealed interface WindowFunction {
  /** The value for the document at {@code index} of a partition sorted as the stage's sortBy says. */
  BsonValue valueAt(List<BsonDocument> partition, List<Scope> scopes, int index);

  static WindowFunction parse(String field, BsonValue spec, SortKey rankKey, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("The field '" + field + "' must be an object");
    }
    BsonDocument function = spec.asDocument().clone();
    BsonValue window = function.remove("window");
    if (function.size() != 1) {
      throw ErrorCode.FAILED_TO_PARSE.error("Expected exactly one window function in the output field '" + field
          + "', found " + function.keySet());
    }
    String name = function.getFirstKey();
    BsonValue argument = function.get(name);
    switch (name) {
      case "$rank":
      case "$denseRank":
      case "$documentNumber":
        if (rankKey == null && !name.equals("$documentNumber")) {
          throw ErrorCode.location(5371602).error(name + " must be specified with a top level sortBy expression "
              + "with exactly one element");
        }
        return new Rank(name, rankKey);
      case "$shift":
        return Shift.parse(argument, context);
      default:
        Accumulation accumulation = name.equals("$count") ? Accumulators.parse("$sum", new BsonInt32(1), context)
            : Accumulators.parse(name, argument, context);
        if (accumulation == null) {
          throw ErrorCode.FAILED_TO_PARSE.error("Unrecognized window function, " + name);
        }
        return new Windowed(accumulation, bounds(window));
    }
  }

  /** {@code [lower, upper]} offsets relative to the current document; Long.MIN/MAX for unbounded. */
  private static long[] bounds(BsonValue window) {
    if (window == null) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    if (!window.isDocument() || !window.asDocument().containsKey("documents") || window.asDocument().size() != 1) {
      throw ErrorCode.NOT_IMPLEMENTED.error("$setWindowFields supports only 'documents' windows");
    }
    BsonValue documents = window.asDocument().get("documents");
    if (!documents.isArray() || documents.asArray().size() != 2) {
      throw ErrorCode.FAILED_TO_PARSE.error("Window bounds must be a 2-element array: " + Values.format(documents));
    }
    long[] bounds = {bound(documents.asArray().get(0), Long.MIN_VALUE), bound(documents.asArray().get(1),
        Long.MAX_VALUE)};
    if (bounds[0] > bounds[1]) {
      throw ErrorCode.location(5339900).error("Lower bound must not exceed upper bound: " + Values.format(documents));
    }
    return bounds;
  }

  private static long bound(BsonValue bound, long unbounded) {
    if (bound.isString() && bound.asString().getValue().equals("unbounded")) {
      return unbounded;
    }
    if (bound.isString() && bound.asString().getValue().equals("current")) {
      return 0;
    }
    return StageArguments.integral(bound, 5339901, "Numeric document-based bounds must be an integer: "
        + Values.format(bound));
  }

  /** An accumulator over the documents of the window around each document. */
  record Windowed(Accumulation accumulation, long[] bounds) implements WindowFunction {
    @Override
    public BsonValue valueAt(List<BsonDocument> partition, List<Scope> scopes, int index) {
      long from = bounds[0] == Long.MIN_VALUE ? 0 : Math.max(0, index + bounds[0]);
      long to = bounds[1] == Long.MAX_VALUE ? partition.size() - 1 : Math.min(partition.size() - 1, index + bounds[1]);
      Accumulator accumulator = accumulation.accumulator().get();
      for (long i = from; i <= to; i++) {
        Scope scope = scopes.get((int) i);
        accumulator.accumulate(accumulation.argument().evaluate(scope), scope.collation());
      }
      return accumulator.result();
    }
  }

  /** {@code $rank} (ties share a rank, then a gap), {@code $denseRank} (no gaps), {@code $documentNumber}. */
  record Rank(String name, SortKey key) implements WindowFunction {
    @Override
    public BsonValue valueAt(List<BsonDocument> partition, List<Scope> scopes, int index) {
      if (name.equals("$documentNumber")) {
        return new BsonInt64(index + 1);
      }
      // Ties are the sortBy's ties, so under the run's collation ("a" and "A" at strength 2 share a rank).
      Comparator<BsonDocument> order = SortKey.comparator(List.of(key), scopes.get(index).collation());
      int rank = 1;
      int dense = 1;
      for (int i = 1; i <= index; i++) {
        if (order.compare(partition.get(i - 1), partition.get(i)) != 0) {
          rank = i + 1;
          dense++;
        }
      }
      return new BsonInt32(name.equals("$rank") ? rank : dense);
    }
  }

  /** {@code $shift: {output, by, default}}: the output of the document {@code by} positions away. */
  record Shift(Expression output, int by, Expression fallback) implements WindowFunction {
    static Shift parse(BsonValue spec, ParseContext context) {
      if (!spec.isDocument() || !spec.asDocument().containsKey("output") || !spec.asDocument().containsKey("by")) {
        throw ErrorCode.FAILED_TO_PARSE.error("$shift requires 'output' and 'by'");
      }
      Map<String, BsonValue> shift = spec.asDocument();
      long by = StageArguments.integral(shift.get("by"), 5433001, "'by' field must be an integer, but found "
          + Values.format(shift.get("by")));
      BsonValue fallback = shift.get("default");
      return new Shift(Expressions.parse(shift.get("output"), context), (int) by,
          Expressions.parse(fallback == null ? BsonNull.VALUE : fallback, context));
    }

    @Override
    public BsonValue valueAt(List<BsonDocument> partition, List<Scope> scopes, int index) {
      long at = (long) index + by;
      BsonValue value = at >= 0 && at < partition.size() ? output.evaluate(scopes.get((int) at))
          : fallback.evaluate(scopes.get(index));
      return value == null ? BsonNull.VALUE : value;
    }
  }
}

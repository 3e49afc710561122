package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Accumulator;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $bucketAuto: {groupBy, buckets, output}}: sorts the documents by {@code groupBy} and cuts them into at
 * most {@code buckets} buckets of about the same size, never splitting equal values; each bucket's {@code _id} is
 * {@code {min, max}}, where max is the next bucket's min (the largest value for the last). Blocking.
 * {@code granularity} is not supported.
 */
record BucketAutoStage(Expression groupBy, int buckets, List<GroupStage.Output> outputs) implements BlockingStage {
  static final String NAME = "$bucketAuto";

  /** A document's groupBy value (missing as null) and the scope its output expressions read. */
  private record Entry(BsonValue value, Scope scope) {}

  static BucketAutoStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(40240).error("The argument to $bucketAuto must be an object, but found type: "
          + Values.typeName(spec) + ".");
    }
    BsonDocument bucket = spec.asDocument();
    for (String key : bucket.keySet()) {
      if (!List.of("groupBy", "buckets", "output", "granularity").contains(key)) {
        throw ErrorCode.location(40245).error("Unrecognized option to $bucketAuto: " + key + ".");
      }
    }
    if (bucket.containsKey("granularity")) {
      throw ErrorCode.NOT_IMPLEMENTED.error("$bucketAuto granularity is not supported");
    }
    if (!bucket.containsKey("groupBy") || !bucket.containsKey("buckets")) {
      throw ErrorCode.location(40246).error("$bucketAuto requires 'groupBy' and 'buckets' to be specified");
    }
    long buckets = StageArguments.integral(bucket.get("buckets"), 40241, "The $bucketAuto 'buckets' field must be "
        + "a numeric value, but found type: " + Values.typeName(bucket.get("buckets")));
    if (buckets <= 0 || buckets > Integer.MAX_VALUE) {
      throw ErrorCode.location(40243).error("The $bucketAuto 'buckets' field must be greater than 0, but found: "
          + buckets);
    }
    BsonDocument output = new BsonDocument("_id", new BsonInt32(0));
    BsonValue fields = bucket.get("output", new BsonDocument("count", new BsonDocument("$sum", new BsonInt32(1))));
    if (!fields.isDocument()) {
      throw ErrorCode.location(40244).error("The $bucketAuto 'output' field must be an object, but found type: "
          + Values.typeName(fields) + ".");
    }
    output.putAll(fields.asDocument());
    return new BucketAutoStage(Expressions.parse(bucket.get("groupBy"), context), (int) buckets,
        GroupStage.parse(output, context).outputs());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BsonDocument> emit(List<BsonDocument> documents, Execution execution) {
    List<Entry> entries = new ArrayList<>(documents.size());
    for (BsonDocument document : documents) {
      Scope scope = execution.scope(document);
      BsonValue value = groupBy.evaluate(scope);
      entries.add(new Entry(value == null ? BsonNull.VALUE : value, scope));
    }
    entries.sort(Comparator.comparing(Entry::value, Values.ORDER));
    return cut(entries);
  }

  private List<BsonDocument> cut(List<Entry> entries) {
    List<BsonDocument> results = new ArrayList<>();
    long size = Math.round((double) entries.size() / buckets);
    int start = 0;
    while (start < entries.size()) {
      int end = (int) Math.min(entries.size(), start + Math.max(1, size));
      while (end < entries.size()
          && Values.compare(entries.get(end).value(), entries.get(end - 1).value()) == 0) {
        end++;
      }
      boolean last = results.size() == buckets - 1;
      if (last) {
        end = entries.size();
      }
      BsonValue max = end < entries.size() ? entries.get(end).value() : entries.get(end - 1).value();
      results.add(bucket(entries.subList(start, end), max));
      start = end;
    }
    return results;
  }

  private BsonDocument bucket(List<Entry> members, BsonValue max) {
    BsonDocument result = new BsonDocument("_id", new BsonDocument("min", members.get(0).value()).append("max", max));
    for (GroupStage.Output output : outputs) {
      Accumulator accumulator = output.accumulator().get();
      members.forEach(member -> accumulator.accumulate(output.argument().evaluate(member.scope())));
      result.append(output.field(), accumulator.result());
    }
    return result;
  }
}

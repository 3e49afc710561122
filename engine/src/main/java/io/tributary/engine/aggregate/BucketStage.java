package io.tributary.engine.aggregate;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.Values;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * {@code $bucket}: groups documents into the ranges {@code [boundaries[i], boundaries[i+1])} of {@code groupBy}
 * (the bucket's {@code _id} is its lower boundary), others into {@code default}, then sorts by {@code _id}. As in
 * mongod it is a {@code $group} followed by a {@code $sort}; without a default an unplaced value fails with 40066.
 */
final class BucketStage {
  private BucketStage() {}

  /** The {@code _id} of a document's bucket. */
  private record BucketId(Expression groupBy, List<BsonValue> boundaries, BsonValue fallback) implements Expression {
    @Override
    public BsonValue evaluate(Scope scope) {
      BsonValue value = groupBy.evaluate(scope);
      for (int i = 0; i + 1 < boundaries.size(); i++) {
        if (Values.compare(value, boundaries.get(i), scope.collation()) >= 0
            && Values.compare(value, boundaries.get(i + 1), scope.collation()) < 0) {
          return boundaries.get(i);
        }
      }
      if (fallback == null) {
        throw ErrorCode.location(40066).error(
            "$switch could not find a matching branch for an input, and no default was specified.");
      }
      return fallback;
    }
  }

  static Stage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(40201).error("Argument to $bucket stage must be an object, but found type: "
          + Values.typeName(spec) + ".");
    }
    BsonDocument bucket = spec.asDocument();
    for (String key : bucket.keySet()) {
      if (!List.of("groupBy", "boundaries", "default", "output").contains(key)) {
        throw ErrorCode.location(40197).error("Unrecognized option to $bucket: " + key + ".");
      }
    }
    if (!bucket.containsKey("groupBy") || !bucket.containsKey("boundaries")) {
      throw ErrorCode.location(40198).error("$bucket requires 'groupBy' and 'boundaries' to be specified.");
    }
    List<BsonValue> boundaries = boundaries(bucket.get("boundaries"));
    BsonValue fallback = bucket.get("default");
    if (fallback != null && Values.compare(fallback, boundaries.get(0)) >= 0
        && Values.compare(fallback, boundaries.get(boundaries.size() - 1)) < 0) {
      throw ErrorCode.location(40199).error("The $bucket 'default' field must be less than the lowest boundary or "
          + "greater than or equal to the highest boundary.");
    }
    BucketId id = new BucketId(groupBy(bucket.get("groupBy"), context), boundaries, fallback);
    GroupStage outputs = GroupStage.parse(outputSpec(bucket.get("output")), context);
    return new CompositeStage("$bucket", List.of(new GroupStage(id, outputs.outputs()),
        SortStage.parse(new BsonDocument("_id", new BsonInt32(1)))));
  }

  private static Expression groupBy(BsonValue groupBy, ParseContext context) {
    boolean path = groupBy.isString() && groupBy.asString().getValue().startsWith("$");
    if (!path && !(groupBy.isDocument() && Expressions.isOperator(groupBy.asDocument()))) {
      throw ErrorCode.location(40202).error("The $bucket 'groupBy' field must be defined as a $-prefixed path or "
          + "an expression, but found: " + Values.format(groupBy) + ".");
    }
    return Expressions.parse(groupBy, context);
  }

  private static List<BsonValue> boundaries(BsonValue value) {
    if (!value.isArray()) {
      throw ErrorCode.location(40200).error("The $bucket 'boundaries' field must be an array, but found type: "
          + Values.typeName(value) + ".");
    }
    List<BsonValue> boundaries = value.asArray().getValues();
    if (boundaries.size() < 2) {
      throw ErrorCode.location(40192).error("The $bucket 'boundaries' field must have at least 2 values, but found "
          + boundaries.size() + " value(s).");
    }
    for (int i = 1; i < boundaries.size(); i++) {
      BsonValue previous = boundaries.get(i - 1);
      BsonValue current = boundaries.get(i);
      if (BsonOrder.compare(previous, current) >= 0) {
        throw ErrorCode.location(40194).error("The 'boundaries' option to $bucket must be sorted, but elements "
            + (i - 1) + " and " + i + " are not in ascending order (" + Values.format(previous) + " is not less "
            + "than " + Values.format(current) + ").");
      }
    }
    return boundaries;
  }

  private static BsonDocument outputSpec(BsonValue output) {
    BsonDocument spec = new BsonDocument("_id", new BsonInt32(0));
    if (output == null) {
      return spec.append("count", new BsonDocument("$sum", new BsonInt32(1)));
    }
    if (!output.isDocument()) {
      throw ErrorCode.location(40196).error("The $bucket 'output' field must be an object, but found type: "
          + Values.typeName(output) + ".");
    }
    for (Map.Entry<String, BsonValue> field : output.asDocument().entrySet()) {
      spec.append(field.getKey(), field.getValue());
    }
    return spec;
  }
}

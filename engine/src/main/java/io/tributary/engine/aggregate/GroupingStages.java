package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;

/** {@code $count} and {@code $sortByCount}, which mongod defines in terms of {@code $group}. */
final class GroupingStages {
  private GroupingStages() {}

  /** {@code $count: "n"} = {@code $group: {_id: null, n: {$sum: 1}}} then {@code $project: {_id: 0}}. */
  static Stage count(BsonValue spec, ParseContext context) {
    if (!spec.isString() || spec.asString().getValue().isEmpty()) {
      throw ErrorCode.location(40156).error("the count field must be a non-empty string");
    }
    String field = spec.asString().getValue();
    if (field.startsWith("$")) {
      throw ErrorCode.location(40158).error("the count field cannot be a $-prefixed path");
    }
    if (field.contains(".")) {
      throw ErrorCode.location(40160).error("the count field cannot contain '.'");
    }
    BsonDocument group = new BsonDocument("_id", BsonNull.VALUE)
        .append(field, new BsonDocument("$sum", new BsonInt32(1)));
    return new CompositeStage("$count", List.of(GroupStage.parse(group, context),
        ProjectionParser.project("$project", new BsonDocument("_id", new BsonInt32(0)), context)));
  }

  /** {@code $sortByCount: expr} = {@code $group: {_id: expr, count: {$sum: 1}}} then {@code $sort: {count: -1}}. */
  static Stage sortByCount(BsonValue spec, ParseContext context) {
    boolean path = spec.isString() && spec.asString().getValue().startsWith("$");
    boolean expression = spec.isDocument() && Expressions.isOperator(spec.asDocument());
    if (!path && !expression) {
      throw ErrorCode.location(40148).error("the sortByCount field must be defined as a $-prefixed path or an "
          + "expression, but found: " + Values.format(spec));
    }
    BsonDocument group = new BsonDocument("_id", spec).append("count", new BsonDocument("$sum", new BsonInt32(1)));
    return new CompositeStage("$sortByCount", List.of(GroupStage.parse(group, context),
        SortStage.parse(new BsonDocument("count", new BsonInt32(-1)))));
  }
}

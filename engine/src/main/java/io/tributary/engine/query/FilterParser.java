package io.tributary.engine.query;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Parses a query filter into a {@link MatchExpression}: top-level operators ({@code $and $or $nor $expr
 * $jsonSchema $comment $where $text $alwaysTrue $alwaysFalse}) and field conditions, failing with mongod's
 * codes and messages. Stateless and thread-safe.
 */
final class FilterParser {
  private static final Set<String> DBREF_FIELDS = Set.of("$ref", "$id", "$db");

  private final ExpressionContext context;
  private final PredicateParser predicates;

  private FilterParser(ExpressionContext context) {
    this.context = context;
    this.predicates = new PredicateParser(this, context.strings());
  }

  static MatchExpression parse(BsonDocument filter, ExpressionContext context) {
    return new FilterParser(context).parse(filter);
  }

  MatchExpression parse(BsonDocument filter) {
    List<MatchExpression> conditions = new ArrayList<>();
    for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
      MatchExpression condition = entry.getKey().startsWith("$")
          ? topLevel(entry.getKey(), entry.getValue())
          : field(entry.getKey(), entry.getValue());
      if (condition != null) {
        conditions.add(condition);
      }
    }
    return conditions.size() == 1 ? conditions.get(0) : new MatchExpression.And(List.copyOf(conditions));
  }

  /** True for {@code {$gt: 1}}-style documents, false for literal documents (and DBRef-shaped ones). */
  static boolean isOperatorDocument(BsonValue value) {
    if (!value.isDocument() || value.asDocument().isEmpty()) {
      return false;
    }
    String first = value.asDocument().getFirstKey();
    return first.startsWith("$") && !DBREF_FIELDS.contains(first);
  }

  private MatchExpression field(String name, BsonValue value) {
    FieldPath path = FieldPath.parse(name);
    if (isOperatorDocument(value)) {
      return new PathMatch(path, predicates.parse(value.asDocument()));
    }
    if (value.isRegularExpression()) {
      return new PathMatch(path, RegexMatch.of(value.asRegularExpression()));
    }
    return new PathMatch(path, predicates.equals(value));
  }

  private MatchExpression topLevel(String operator, BsonValue value) {
    switch (operator) {
      case "$and": return new MatchExpression.And(clauses(value));
      case "$or": return new MatchExpression.Or(clauses(value));
      case "$nor": return new MatchExpression.Nor(clauses(value));
      case "$expr": return new ExprMatch(context.compile(value), context);
      case "$jsonSchema": return SchemaMatch.parse(value);
      case "$comment": return null;
      case "$alwaysTrue": return constant(operator, value, true);
      case "$alwaysFalse": return constant(operator, value, false);
      case "$where": throw ErrorCode.BAD_VALUE.error("no globalScriptEngine in $where parsing");
      case "$text": throw ErrorCode.INDEX_NOT_FOUND.error("text index required for $text query");
      default: throw ErrorCode.BAD_VALUE.error("unknown top level operator: " + operator);
    }
  }

  private List<MatchExpression> clauses(BsonValue value) {
    if (!value.isArray() || value.asArray().isEmpty()) {
      throw ErrorCode.BAD_VALUE.error("$and/$or/$nor must be a nonempty array");
    }
    List<MatchExpression> clauses = new ArrayList<>();
    for (BsonValue clause : value.asArray()) {
      if (!clause.isDocument()) {
        throw ErrorCode.BAD_VALUE.error("$or/$and/$nor entries need to be full objects");
      }
      clauses.add(parse(clause.asDocument()));
    }
    return List.copyOf(clauses);
  }

  private static MatchExpression constant(String operator, BsonValue value, boolean result) {
    if (!value.isNumber() || value.asNumber().doubleValue() != 1) {
      throw ErrorCode.FAILED_TO_PARSE.error(operator + " must be an integer value of 1");
    }
    return new MatchExpression.Constant(result);
  }
}

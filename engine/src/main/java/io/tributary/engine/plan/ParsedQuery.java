package io.tributary.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A filter as explain's {@code parsedQuery} shows it: every condition spelled as an operator ({@code {a: 5}}
 * becomes {@code {a: {$eq: 5}}}), several conditions under one {@code $and}. Literal documents, DBRefs and
 * regular expressions stay as given. Stateless.
 */
public final class ParsedQuery {
  private ParsedQuery() {}

  public static BsonDocument of(BsonDocument filter) {
    List<BsonValue> conditions = new ArrayList<>();
    for (Map.Entry<String, BsonValue> field : filter.entrySet()) {
      conditions.addAll(conditions(field.getKey(), field.getValue()));
    }
    if (conditions.size() == 1) {
      return conditions.get(0).asDocument();
    }
    return conditions.isEmpty() ? new BsonDocument() : new BsonDocument("$and", new BsonArray(conditions));
  }

  private static List<BsonValue> conditions(String field, BsonValue value) {
    if (field.equals("$and") && value.isArray()) {
      List<BsonValue> clauses = new ArrayList<>();
      value.asArray().forEach(clause -> clauses.add(of(clause.asDocument())));
      return clauses;
    }
    if (field.startsWith("$")) {
      return List.of(new BsonDocument(field, value));
    }
    if (isOperatorDocument(value)) {
      List<BsonValue> operators = new ArrayList<>();
      value.asDocument().forEach((operator, operand) ->
          operators.add(new BsonDocument(field, new BsonDocument(operator, operand))));
      return operators;
    }
    return List.of(new BsonDocument(field, value.isRegularExpression() ? value
        : new BsonDocument("$eq", value)));
  }

  private static boolean isOperatorDocument(BsonValue value) {
    if (!value.isDocument() || value.asDocument().isEmpty()) {
      return false;
    }
    String first = value.asDocument().getFirstKey();
    return first.startsWith("$") && !first.equals("$ref") && !first.equals("$id") && !first.equals("$db")
        && !value.asDocument().containsKey("$options");
  }
}

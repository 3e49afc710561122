package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Parses aggregation expressions. A string {@code "$a.b"} is a field path, {@code "$$v.a"} a variable path,
 * a document whose single field starts with {@code $} an operator, any other document or array a literal
 * whose parts are expressions, anything else a constant. Operators come from one table built from the
 * operator families; unknown ones fail with InvalidPipelineOperator (168). Stateless and thread-safe.
 */
public final class Expressions {
  /** The values {@code $redact} expects; {@code $$DESCEND}, {@code $$PRUNE} and {@code $$KEEP} evaluate to them. */
  public static final BsonString DESCEND = new BsonString("descend");
  public static final BsonString PRUNE = new BsonString("prune");
  public static final BsonString KEEP = new BsonString("keep");

  private static final OperatorTable OPERATORS = operators();

  private Expressions() {}

  private static OperatorTable operators() {
    OperatorTable table = new OperatorTable();
    ArithmeticOperators.register(table);
    TrigonometryOperators.register(table);
    BitwiseOperators.register(table);
    ComparisonOperators.register(table);
    BooleanOperators.register(table);
    ConditionalOperators.register(table);
    VariableOperators.register(table);
    StringOperators.register(table);
    RegexOperators.register(table);
    ArrayOperators.register(table);
    IterationOperators.register(table);
    ArrayBuildingOperators.register(table);
    SortArrayOperator.register(table);
    SetOperators.register(table);
    TypeOperators.register(table);
    DateOperators.register(table);
    DateArithmeticOperators.register(table);
    DatePartsOperators.register(table);
    ObjectOperators.register(table);
    Accumulators.register(table);
    return table;
  }

  public static Expression parse(BsonValue value, ParseContext context) {
    switch (value.getBsonType()) {
      case STRING:
        return parseString(value.asString().getValue(), context);
      case DOCUMENT:
        return parseDocument(value.asDocument(), context);
      case ARRAY:
        List<Expression> elements = new ArrayList<>();
        value.asArray().forEach(element -> elements.add(parse(element, context)));
        return new ArrayLiteral(elements);
      default:
        return new Constant(value);
    }
  }

  /** True when {@code document} is an operator expression ({@code {$add: ...}}) rather than a literal. */
  public static boolean isOperator(BsonDocument document) {
    return !document.isEmpty() && document.getFirstKey().startsWith("$");
  }

  private static Expression parseString(String text, ParseContext context) {
    if (text.startsWith("$$")) {
      return parseVariable(text.substring(2), context);
    }
    if (text.startsWith("$")) {
      return new VariablePath("CURRENT", fieldPath(text.substring(1)));
    }
    return new Constant(new BsonString(text));
  }

  private static Expression parseVariable(String text, ParseContext context) {
    List<String> parts = fieldPath(text);
    String name = parts.get(0);
    context.requireDefined(name);
    List<String> path = parts.subList(1, parts.size());
    switch (name) {
      case "REMOVE":
        return new Constant(null);
      case "DESCEND":
        return new Constant(DESCEND);
      case "PRUNE":
        return new Constant(PRUNE);
      case "KEEP":
        return new Constant(KEEP);
      default:
        return new VariablePath(name, path);
    }
  }

  /** Splits and validates a dotted path (without its leading {@code $}) like mongod's FieldPath. */
  public static List<String> fieldPath(String path) {
    if (path.isEmpty()) {
      throw ErrorCode.location(16872).error("'$' by itself is not a valid FieldPath");
    }
    List<String> parts = Arrays.asList(path.split("\\.", -1));
    for (String part : parts) {
      if (part.isEmpty()) {
        throw ErrorCode.location(15998).error("FieldPath field names may not be empty strings.");
      }
      if (part.startsWith("$")) {
        throw ErrorCode.location(16410).error("FieldPath field names may not start with '$'. Consider using "
            + "$getField or $setField.");
      }
    }
    return parts;
  }

  private static Expression parseDocument(BsonDocument document, ParseContext context) {
    if (isOperator(document)) {
      if (document.size() != 1) {
        throw ErrorCode.location(15983).error("An object representing an expression must have exactly one field: "
            + Values.format(document));
      }
      String name = document.getFirstKey();
      OperatorParser parser = OPERATORS.find(name);
      if (parser == null) {
        throw ErrorCode.INVALID_PIPELINE_OPERATOR.error("Unrecognized expression '" + name + "'");
      }
      return parser.parse(document.get(name), context);
    }
    Map<String, Expression> fields = new LinkedHashMap<>();
    document.forEach((name, value) -> {
      if (name.startsWith("$")) {
        throw ErrorCode.location(16404).error("FieldPath field names may not start with '$'. Consider using "
            + "$getField or $setField.");
      }
      if (name.contains(".")) {
        throw ErrorCode.location(16412).error("FieldPath field names may not contain '.'. Consider using "
            + "$getField or $setField.");
      }
      fields.put(name, parse(value, context));
    });
    return new ObjectLiteral(fields);
  }
}

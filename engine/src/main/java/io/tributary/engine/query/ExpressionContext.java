package io.tributary.engine.query;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.SystemVariables;
import java.util.Comparator;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The query language's door to the aggregation expression language ({@code $expr}, computed projection
 * fields): the command's variables ({@code $$NOW}, {@code let}) if any, known when parsing (so an undefined
 * {@code $$x} fails like mongod) and when evaluating, and the command's collation. Without variables, expressions see only {@code $$ROOT}
 * and {@code $$CURRENT}. Immutable and thread-safe.
 */
record ExpressionContext(ParseContext parseContext, SystemVariables variables) {
  static final ExpressionContext NONE = new ExpressionContext(ParseContext.EMPTY, null);

  static ExpressionContext of(SystemVariables variables) {
    return new ExpressionContext(ParseContext.EMPTY.withVariables(variables.user().keySet()), variables);
  }

  /** How the query compares strings: the command's collation, or null for binary order. */
  Comparator<String> strings() {
    return variables == null || variables.collation().isSimple() ? null : variables.collation();
  }

  /** The command's collation. */
  Collation collation() {
    return variables == null ? Collation.SIMPLE : variables.collation();
  }

  Expression compile(BsonValue expression) {
    return Expressions.parse(expression, parseContext);
  }

  /**
   * An operator expression of a projection ({@code {$add: [...]}}); an unknown operator fails with 31325 as
   * mongod reports a projection field it cannot read as an expression.
   */
  Expression compileOperator(BsonDocument expression) {
    try {
      return compile(expression);
    } catch (MongoError e) {
      String operator = expression.getFirstKey();
      if (e.code().equals(ErrorCode.INVALID_PIPELINE_OPERATOR)
          && e.getMessage().equals("Unrecognized expression '" + operator + "'")) {
        throw ErrorCode.location(31325).error("Unknown expression " + operator);
      }
      throw e;
    }
  }

  Scope scope(BsonDocument document) {
    return variables == null ? () -> document : Scope.of(document, variables);
  }
}

package io.tributary.engine.expression;

import io.tributary.engine.error.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/** {@code $mergeObjects $getField $setField $unsetField $bsonSize}, and {@code $rand}. */
final class ObjectOperators {
  private ObjectOperators() {}

  static void register(OperatorTable table) {
    table.variadic("$mergeObjects", ObjectOperators::merge);
    table.custom("$getField", ObjectOperators::getField);
    table.custom("$setField", (operand, context) -> setField("$setField", operand, context, true));
    table.custom("$unsetField", (operand, context) -> setField("$unsetField", operand, context, false));
    table.unary("$bsonSize", ObjectOperators::bsonSize);
    table.custom("$rand", (operand, context) -> {
      if (!operand.isDocument() || !operand.asDocument().isEmpty()) {
        throw ErrorCode.location(3040500).error("$rand does not currently accept arguments");
      }
      return scope -> new BsonDouble(ThreadLocalRandom.current().nextDouble());
    });
  }

  /** Merges documents left to right into a new one (later fields win); null and missing are skipped. */
  static BsonValue merge(List<BsonValue> documents) {
    BsonDocument merged = new BsonDocument();
    for (int i = 0; i < documents.size(); i++) {
      BsonValue document = documents.get(i);
      if (Values.isNullish(document)) {
        continue;
      }
      if (!document.isDocument()) {
        throw ErrorCode.location(40400).error("$mergeObjects requires object inputs, but input "
            + Values.format(document) + " is of type " + Values.typeName(document));
      }
      merged.putAll(document.asDocument());
    }
    return merged;
  }

  private static Expression getField(BsonValue operand, ParseContext context) {
    Expression field;
    Expression input;
    if (operand.isDocument() && !Expressions.isOperator(operand.asDocument())) {
      NamedArguments arguments =
          NamedArguments.parse("$getField", operand, context, Set.of("field", "input"), 3041701, 3041702);
      field = arguments.required("field", 3041703);
      input = arguments.optional("input");
    } else {
      field = Expressions.parse(operand, context);
      input = null;
    }
    requireConstantString("$getField", field);
    String name = ((Constant) field).value().asString().getValue();
    return scope -> {
      BsonValue value = input == null ? scope.variable("CURRENT") : input.evaluate(scope);
      if (Values.isNullish(value)) {
        return value == null ? null : BsonNull.VALUE;
      }
      return value.isDocument() ? value.asDocument().get(name) : null;
    };
  }

  private static void requireConstantString(String name, Expression field) {
    if (!(field instanceof Constant) || ((Constant) field).value() == null
        || !((Constant) field).value().isString()) {
      throw ErrorCode.location(5654602).error(name + " requires 'field' to evaluate to a constant of type String");
    }
  }

  private static Expression setField(String name, BsonValue operand, ParseContext context, boolean set) {
    Set<String> allowed = set ? Set.of("field", "input", "value") : Set.of("field", "input");
    NamedArguments arguments = NamedArguments.parse(name, operand, context, allowed, 4161100, 4161101);
    Expression field = arguments.required("field", 4161102);
    Expression input = arguments.required("input", 4161103);
    Expression value = set ? arguments.required("value", 4161104) : new Constant(null);
    requireConstantString(name, field);
    String fieldName = ((Constant) field).value().asString().getValue();
    return scope -> {
      BsonValue document = input.evaluate(scope);
      if (Values.isNullish(document)) {
        return BsonNull.VALUE;
      }
      if (!document.isDocument()) {
        throw ErrorCode.location(4161105).error(name + " requires 'input' to evaluate to type Object");
      }
      BsonDocument result = document.asDocument().clone();
      BsonValue newValue = value.evaluate(scope);
      if (newValue == null) {
        result.remove(fieldName);
      } else {
        result.put(fieldName, newValue);
      }
      return result;
    };
  }

  private static BsonValue bsonSize(BsonValue value) {
    if (Values.isNullish(value)) {
      return BsonNull.VALUE;
    }
    if (!value.isDocument()) {
      throw ErrorCode.location(31393).error("$bsonSize requires a document input, found: "
          + Values.typeName(value));
    }
    return new BsonInt32(new RawBsonDocument(value.asDocument(), new BsonDocumentCodec()).getByteBuffer()
        .remaining());
  }
}

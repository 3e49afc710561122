package io.tributary.engine.aggregate;

import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Accumulation;
import io.tributary.engine.expression.Accumulator;
import io.tributary.engine.expression.Accumulators;
import io.tributary.engine.expression.Constant;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $group}: one output document per distinct {@code _id} value (values equal in BSON order, like 1 and 1.0,
 * share a group, and strings equal under the run's collation; a missing {@code _id} groups as null; a group's
 * {@code _id} is its first document's), with one accumulator per output field. Blocking; groups come out in order
 * of first appearance.
 */
record GroupStage(Expression id, List<Output> outputs) implements Stage {
  static final String NAME = "$group";

  /** One accumulated output field: {@code field: {accumulator: argument}}. */
  record Output(String field, Expression argument, Supplier<Accumulator> accumulator) {}

  static GroupStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(15947).error("a group's fields must be specified in an object");
    }
    if (!spec.asDocument().containsKey("_id")) {
      throw ErrorCode.location(15955).error("a group specification must include an _id");
    }
    List<Output> outputs = new ArrayList<>();
    for (Map.Entry<String, BsonValue> field : spec.asDocument().entrySet()) {
      if (!field.getKey().equals("_id")) {
        outputs.add(output(field.getKey(), field.getValue(), context));
      }
    }
    BsonValue id = spec.asDocument().get("_id");
    if (id.isDocument() && !Expressions.isOperator(id.asDocument()) && id.asDocument().values().stream()
        .anyMatch(field -> field.isNumber() || field.isDecimal128() || field.isBoolean())) {
      throw ErrorCode.location(17390).error("$group does not support inclusion-style expressions");
    }
    return new GroupStage(Expressions.parse(id, context), outputs);
  }

  private static Output output(String name, BsonValue spec, ParseContext context) {
    if (name.contains(".")) {
      throw ErrorCode.location(40235).error("The field name '" + name + "' cannot contain '.'");
    }
    if (name.startsWith("$")) {
      throw ErrorCode.location(40236).error("The field name '" + name + "' cannot be an operator name");
    }
    if (!spec.isDocument()) {
      throw ErrorCode.location(40234).error("The field '" + name + "' must be an accumulator object");
    }
    if (spec.asDocument().size() != 1) {
      throw ErrorCode.location(40238).error("The field '" + name + "' must specify one accumulator");
    }
    String accumulator = spec.asDocument().getFirstKey();
    BsonValue argument = spec.asDocument().get(accumulator);
    if (accumulator.equals("$count")) {
      if (!argument.isDocument() || !argument.asDocument().isEmpty()) {
        throw ErrorCode.location(40237).error("$count takes no arguments, i.e. $count:{}");
      }
      return new Output(name, new Constant(new BsonInt32(1)), Accumulators.named("$sum"));
    }
    Accumulation accumulation = Accumulators.parse(accumulator, argument, context);
    if (accumulation == null) {
      throw ErrorCode.location(15952).error("unknown group operator '" + accumulator + "'");
    }
    return new Output(name, accumulation.argument(), accumulation.accumulator());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Deferred(() -> group(input, execution).iterator());
  }

  private List<BsonDocument> group(Iterator<BsonDocument> input, Execution execution) {
    Map<ByteBuffer, Group> groups = new LinkedHashMap<>();
    Collation collation = execution.variables().collation();
    input.forEachRemaining(document -> {
      Scope scope = execution.scope(document);
      BsonValue key = id.evaluate(scope);
      BsonValue groupKey = key == null ? BsonNull.VALUE : key;
      groups.computeIfAbsent(ByteBuffer.wrap(KeyCodec.encode(collation.key(groupKey))),
              k -> new Group(groupKey, outputs))
          .accumulate(scope, outputs);
    });
    List<BsonDocument> results = new ArrayList<>(groups.size());
    groups.values().forEach(group -> results.add(group.result(outputs)));
    return results;
  }

  /** The accumulators of one group. */
  private static final class Group {
    private final BsonValue id;
    private final List<Accumulator> accumulators = new ArrayList<>();

    Group(BsonValue id, List<Output> outputs) {
      this.id = id;
      outputs.forEach(output -> accumulators.add(output.accumulator().get()));
    }

    void accumulate(Scope scope, List<Output> outputs) {
      for (int i = 0; i < outputs.size(); i++) {
        accumulators.get(i).accumulate(outputs.get(i).argument().evaluate(scope), scope.collation());
      }
    }

    BsonDocument result(List<Output> outputs) {
      BsonDocument result = new BsonDocument("_id", id);
      for (int i = 0; i < outputs.size(); i++) {
        result.append(outputs.get(i).field(), accumulators.get(i).result());
      }
      return result;
    }
  }
}

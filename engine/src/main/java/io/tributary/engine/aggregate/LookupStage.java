package io.tributary.engine.aggregate;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $lookup}: adds to each document the array {@code as} of the documents of {@code from} whose
 * {@code foreignField} equals a value of {@code localField} (query equality: an array local value matches any of
 * its elements, missing matches null and missing), and/or the output of {@code pipeline} run over them with the
 * {@code let} variables bound from the document. Streams over its input; reads {@code from} through
 * {@link PipelineContext#scan} once per run (see {@link ForeignIndex}).
 */
record LookupStage(ForeignCollection from, String as, FieldPath localField, String foreignField,
    Map<String, Expression> let, List<Stage> pipeline) implements Stage {
  static final String NAME = "$lookup";
  private static final Set<String> OPTIONS = Set.of("from", "as", "localField", "foreignField", "let", "pipeline");

  static LookupStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("the $lookup specification must be an Object, but found "
          + Values.typeName(spec));
    }
    BsonDocument lookup = spec.asDocument();
    for (String key : lookup.keySet()) {
      if (!OPTIONS.contains(key)) {
        throw ErrorCode.FAILED_TO_PARSE.error("unknown argument to $lookup: " + key);
      }
    }
    String as = string(lookup, "as");
    if (as == null) {
      throw ErrorCode.FAILED_TO_PARSE.error("must specify 'as' field for a $lookup");
    }
    String local = string(lookup, "localField");
    String foreign = string(lookup, "foreignField");
    if ((local == null) != (foreign == null)) {
      throw ErrorCode.FAILED_TO_PARSE.error("$lookup requires both or neither of 'localField' and 'foreignField' "
          + "to be specified");
    }
    if (local == null && !lookup.containsKey("pipeline")) {
      throw ErrorCode.FAILED_TO_PARSE.error("$lookup requires either 'pipeline' or both 'localField' and "
          + "'foreignField' to be specified");
    }
    Map<String, Expression> let = let(lookup.get("let"), context);
    List<Stage> pipeline = pipeline(lookup.get("pipeline"), context.withVariables(let.keySet()));
    Expressions.fieldPath(as);
    return new LookupStage(from(lookup.get("from"), pipeline), as,
        local == null ? null : FieldPath.parse(local), foreign, let, pipeline);
  }

  private static String string(BsonDocument lookup, String name) {
    BsonValue value = lookup.get(name);
    if (value != null && !value.isString()) {
      throw ErrorCode.FAILED_TO_PARSE.error("$lookup argument '" + name + ": " + Values.format(value)
          + "' must be a string, is type " + Values.typeName(value));
    }
    return value == null ? null : value.asString().getValue();
  }

  private static ForeignCollection from(BsonValue from, List<Stage> pipeline) {
    if (from == null) {
      if (!pipeline.isEmpty() && pipeline.get(0) instanceof DocumentsStage) {
        return null;
      }
      throw ErrorCode.FAILED_TO_PARSE.error("must specify 'from' field for a $lookup");
    }
    if (from.isString()) {
      return new ForeignCollection(null, from.asString().getValue());
    }
    if (from.isDocument() && from.asDocument().isString("db") && from.asDocument().isString("coll")) {
      return new ForeignCollection(from.asDocument().getString("db").getValue(),
          from.asDocument().getString("coll").getValue());
    }
    throw ErrorCode.FAILED_TO_PARSE.error("$lookup 'from' field must be a string or an object with 'db' and "
        + "'coll', but found " + Values.typeName(from));
  }

  private static Map<String, Expression> let(BsonValue let, ParseContext context) {
    Map<String, Expression> variables = new LinkedHashMap<>();
    if (let == null) {
      return variables;
    }
    if (!let.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("$lookup argument 'let' must be an object, is type "
          + Values.typeName(let));
    }
    let.asDocument().forEach((name, value) -> variables.put(name, Expressions.parse(value, context)));
    return variables;
  }

  private static List<Stage> pipeline(BsonValue pipeline, ParseContext context) {
    if (pipeline == null) {
      return List.of();
    }
    return Stages.parseArray(pipeline, context,
        () -> ErrorCode.FAILED_TO_PARSE.error("$lookup argument 'pipeline' must be an array of objects"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    // The foreign collection is read (and indexed by foreignField) once per run, on the first input document.
    Supplier<ForeignIndex> index = new Lazy<>(() ->
        new ForeignIndex(ForeignCollection.readAll(from, execution), localField == null ? null : foreignField,
            execution.variables()));
    return new FlatMap(input, document -> List.of(lookup(document, index.get(), execution)));
  }

  private BsonDocument lookup(BsonDocument document, ForeignIndex index, Execution execution) {
    Iterator<BsonDocument> foreign = (localField == null ? index.all() : index.matching(localValues(document)))
        .iterator();
    if (!pipeline.isEmpty()) {
      Execution inner = execution.withUserVariables(variables(document, execution));
      foreign = CompositeStage.chain(pipeline, foreign, inner);
    }
    BsonArray joined = new BsonArray();
    foreign.forEachRemaining(joined::add);
    return Documents.with(document, Expressions.fieldPath(as), joined);
  }

  /** The local values to match: an array stands for its elements (which values() also reports); missing is null. */
  private List<BsonValue> localValues(BsonDocument document) {
    List<BsonValue> values = new ArrayList<>();
    localField.values(document).stream().filter(value -> !value.isArray()).forEach(values::add);
    if (values.isEmpty()) {
      values.add(BsonNull.VALUE);
    }
    return values;
  }

  private BsonDocument variables(BsonDocument document, Execution execution) {
    BsonDocument variables = execution.variables().user().clone();
    Scope scope = execution.scope(document);
    let.forEach((name, expression) -> {
      BsonValue value = expression.evaluate(scope);
      variables.put(name, value == null ? BsonNull.VALUE : value);
    });
    return variables;
  }
}

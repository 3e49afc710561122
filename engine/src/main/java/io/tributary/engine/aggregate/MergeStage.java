package io.tributary.engine.aggregate;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.SystemVariables;
import io.tributary.engine.expression.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code $merge: {into, on, let, whenMatched, whenNotMatched}}: each result is matched to a target document by the
 * {@code on} fields ({@code _id} by default) and {@link #resolve resolved} into the write to perform.
 * {@code whenMatched: "fail"} resolves to an insert, so the target's unique index raises the DuplicateKey error
 * mongod reports.
 */
public record MergeStage(ForeignCollection into, List<String> on, String whenMatched, Pipeline whenMatchedPipeline,
    Map<String, Expression> let, String whenNotMatched) implements PipelineOutput {
  static final String NAME = "$merge";
  private static final Set<String> OPTIONS = Set.of("into", "on", "let", "whenMatched", "whenNotMatched");
  private static final Set<String> MATCHED = Set.of("replace", "keepExisting", "merge", "fail");
  private static final Set<String> NOT_MATCHED = Set.of("insert", "discard", "fail");
  private static final Set<String> UPDATE_STAGES =
      Set.of("$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith");

  /** What to do with one result: insert it, replace the matched target document with it, or nothing. */
  public record Action(Kind kind, BsonDocument document) {
    public enum Kind { INSERT, REPLACE, NONE }
  }

  static MergeStage parse(BsonValue spec, ParseContext context) {
    if (spec.isString()) {
      return new MergeStage(new ForeignCollection(null, spec.asString().getValue()), List.of("_id"), "merge", null,
          Map.of(), "insert");
    }
    if (!spec.isDocument()) {
      throw ErrorCode.TYPE_MISMATCH.error("$merge requires a string or object argument, but found "
          + Values.typeName(spec));
    }
    BsonDocument merge = spec.asDocument();
    for (String key : merge.keySet()) {
      if (!OPTIONS.contains(key)) {
        throw ErrorCode.location(40415).error("BSON field '$merge." + key + "' is an unknown field.");
      }
    }
    Map<String, Expression> let = new LinkedHashMap<>();
    if (merge.isDocument("let")) {
      merge.getDocument("let").forEach((name, value) -> let.put(name, Expressions.parse(value, context)));
    }
    BsonValue matched = merge.get("whenMatched", new BsonString("merge"));
    Pipeline pipeline = matched.isArray() ? matchedPipeline(matched, let) : null;
    return new MergeStage(into(merge.get("into")), on(merge.get("on")),
        pipeline == null ? enumeration("whenMatched", matched, MATCHED) : "pipeline", pipeline, let,
        enumeration("whenNotMatched", merge.get("whenNotMatched", new BsonString("insert")), NOT_MATCHED));
  }

  private static ForeignCollection into(BsonValue into) {
    if (into == null) {
      throw ErrorCode.location(40414).error("BSON field '$merge.into' is missing but a required field");
    }
    if (into.isString()) {
      return new ForeignCollection(null, into.asString().getValue());
    }
    if (into.isDocument() && into.asDocument().isString("coll")) {
      BsonDocument target = into.asDocument();
      return new ForeignCollection(target.isString("db") ? target.getString("db").getValue() : null,
          target.getString("coll").getValue());
    }
    throw ErrorCode.location(51178).error("$merge 'into' field  must be either a string or an object, but found "
        + Values.typeName(into));
  }

  private static List<String> on(BsonValue on) {
    if (on == null) {
      return List.of("_id");
    }
    List<String> fields = new ArrayList<>();
    if (on.isString()) {
      fields.add(on.asString().getValue());
    } else if (on.isArray() && !on.asArray().isEmpty() && on.asArray().stream().allMatch(BsonValue::isString)) {
      on.asArray().forEach(field -> fields.add(field.asString().getValue()));
    } else {
      throw ErrorCode.location(51186).error("$merge 'on' field  must be either a string or an array of strings, "
          + "but found " + Values.typeName(on));
    }
    return fields;
  }

  private static String enumeration(String field, BsonValue value, Set<String> allowed) {
    if (!value.isString() || !allowed.contains(value.asString().getValue())) {
      throw ErrorCode.BAD_VALUE.error("Enumeration value '" + (value.isString() ? value.asString().getValue()
          : Values.format(value)) + "' for field '$merge." + field + "' is not a valid value.");
    }
    return value.asString().getValue();
  }

  private static Pipeline matchedPipeline(BsonValue stages, Map<String, Expression> let) {
    List<BsonDocument> documents = new ArrayList<>();
    for (BsonValue stage : stages.asArray()) {
      if (!stage.isDocument()) {
        throw ErrorCode.TYPE_MISMATCH.error("Each element of the 'whenMatched' pipeline must be an object");
      }
      documents.add(stage.asDocument());
    }
    List<String> variables = new ArrayList<>(let.keySet());
    variables.add("new");
    Pipeline pipeline = Pipeline.parse(documents, variables);
    for (String name : pipeline.stageNames()) {
      if (!UPDATE_STAGES.contains(name)) {
        throw ErrorCode.INVALID_OPTIONS.error(name + " is not allowed to be used within a $merge's 'whenMatched' "
            + "pipeline");
      }
    }
    return pipeline;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Namespace target(PipelineContext context) {
    return into.in(context);
  }

  /** The filter selecting the target document {@code result} merges with: equality on each {@code on} field. */
  public BsonDocument matchFilter(BsonDocument result) {
    BsonDocument filter = new BsonDocument();
    for (String field : on) {
      BsonValue value = Documents.get(result, Expressions.fieldPath(field));
      filter.append(field, value == null ? BsonNull.VALUE : value);
    }
    return filter;
  }

  /** What to write for {@code result}, given the target document it matched ({@code null} when none did). */
  public Action resolve(BsonDocument result, BsonDocument existing, PipelineContext context) {
    if (existing == null) {
      if (whenNotMatched.equals("fail")) {
        throw ErrorCode.location(13113).error("$merge could not find a matching document in the target collection "
            + "for at least one document in the source collection");
      }
      return whenNotMatched.equals("insert") ? new Action(Action.Kind.INSERT, result)
          : new Action(Action.Kind.NONE, null);
    }
    switch (whenMatched) {
      case "replace":
        return new Action(Action.Kind.REPLACE, result);
      case "keepExisting":
        return new Action(Action.Kind.NONE, null);
      case "fail":
        return new Action(Action.Kind.INSERT, result);
      case "merge":
        BsonDocument merged = existing.clone();
        merged.putAll(result);
        return new Action(Action.Kind.REPLACE, merged);
      default:
        return new Action(Action.Kind.REPLACE, whenMatchedPipeline.applyTo(existing,
            new MergeContext(context, variables(result, context))));
    }
  }

  /** The whenMatched pipeline's variables: the {@code let} values (over the result) and {@code $$new}. */
  private BsonDocument variables(BsonDocument result, PipelineContext context) {
    BsonDocument variables = new BsonDocument();
    let.forEach((name, expression) -> {
      BsonValue value = expression.evaluate(
          Scope.of(result, new SystemVariables(context.now(), context.clusterTime(), new BsonDocument())));
      variables.put(name, value == null ? BsonNull.VALUE : value);
    });
    if (!let.containsKey("new")) {
      variables.put("new", result);
    }
    return variables;
  }
}

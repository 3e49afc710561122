package io.tributary.engine.query;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.Values;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Builds the {@link ProjectionNode} tree of a find projection with mongod's rules and errors (its
 * {@code projection_parser.cpp}): booleans and numbers are inclusion/exclusion flags, one style per projection
 * except for a top-level {@code _id}; a single-field {@code $}-document is {@code $slice}, {@code $elemMatch}
 * or an aggregation expression, any other document a sub-projection; other values are literals or field
 * paths, and make an inclusion projection. When only {@code _id}, {@code $slice} or {@code $elemMatch}
 * decide, {@code $slice} makes an exclusion (unless {@code _id: 1}) and {@code $elemMatch} an inclusion.
 * Paths must not collide (31249, 31250). Confined to one parse.
 */
final class ProjectionParser {
  private static final Set<String> META_NAMES = Set.of("textScore", "randVal", "searchScore", "searchHighlights",
      "geoNearDistance", "geoNearPoint", "recordId", "indexKey", "sortKey", "searchScoreDetails", "searchSequenceToken",
      "vectorSearchScore", "score", "scoreDetails");

  private final ExpressionContext context;
  private final ProjectionNode.Fields root = new ProjectionNode.Fields();
  private Boolean inclusion;
  private boolean idSpecified;
  private boolean idIncluded;
  private boolean hasPositional;
  private boolean hasElemMatch;
  private boolean hasSlice;

  private ProjectionParser(ExpressionContext context) {
    this.context = context;
  }

  /** The root node and whether the projection includes (true) or excludes (false). */
  record Parsed(ProjectionNode.Fields root, boolean inclusion) {}

  static Parsed parse(BsonDocument spec, ExpressionContext context) {
    ProjectionParser parser = new ProjectionParser(context);
    parser.fields("", spec);
    return parser.finish();
  }

  private void fields(String prefix, BsonDocument spec) {
    for (Map.Entry<String, BsonValue> entry : spec.entrySet()) {
      String name = prefix + entry.getKey();
      idSpecified |= name.equals("_id") || name.startsWith("_id.");
      element(name, entry.getKey(), prefix.isEmpty() && name.equals("_id"), entry.getValue());
    }
  }

  /** One projected field; {@code local} is its name within its sub-projection, as mongod's messages show it. */
  private void element(String name, String local, boolean topLevelId, BsonValue value) {
    boolean positional = name.endsWith(".$");
    if (name.contains(".$.")) {
      throw ErrorCode.location(31394).error("As of 4.4, it's illegal to specify positional operator in the middle "
          + "of a path.Positional projection may only be used at the end, for example: a.b.$. If the query "
          + "previously used a form like a.b.$.d, remove the parts following the '$' and the results will be "
          + "equivalent.");
    }
    if (value.isDocument()) {
      if (positional) {
        throw ErrorCode.location(31271).error(
            "positional projection cannot be used with an expression or sub object");
      }
      subObject(name, value.asDocument());
    } else if (value.isBoolean() || value.isNumber() || value.isDecimal128()) {
      if (PredicateParser.isTrue(value)) {
        inclusion(name, local, topLevelId, positional);
      } else if (positional) {
        throw ErrorCode.location(31395).error("positional projection cannot be used with exclusion");
      } else {
        exclusion(name, local, topLevelId);
      }
    } else if (positional) {
      throw ErrorCode.location(31308).error("positional projection cannot be used with a literal");
    } else {
      literal(name, local, value);
    }
  }

  private Parsed finish() {
    if (inclusion == null) {
      inclusion = hasSlice ? idIncluded : hasElemMatch || idIncluded;
    }
    if (!idSpecified && inclusion) {
      root.children().put("_id", new ProjectionNode.Include());
    }
    if (!inclusion && idIncluded) {
      root.children().remove("_id"); // _id: 1 in an exclusion projection only means "keep it", as by default
    }
    return new Parsed(root, inclusion);
  }

  private void subObject(String name, BsonDocument spec) {
    if (spec.isEmpty()) {
      throw ErrorCode.location(51270).error("Invalid empty sub-projection: " + name);
    }
    if (spec.size() == 1 && spec.getFirstKey().startsWith("$")) {
      switch (spec.getFirstKey()) {
        case "$slice" -> slice(name, spec);
        case "$elemMatch" -> elemMatch(name, spec);
        default -> expression(name, spec);
      }
      return;
    }
    fields(name + ".", spec);
  }

  private void slice(String name, BsonDocument spec) {
    ProjectionNode.Slice slice;
    try {
      slice = SliceArgument.parse(spec.get("$slice"));
    } catch (MongoError findSyntax) {
      if (!spec.get("$slice").isArray()) {
        throw findSyntax;
      }
      try {
        expression(name, spec); // the aggregation $slice: {$slice: ["$array", n]}
      } catch (MongoError expressionSyntax) {
        throw expressionSyntax.code().error("Invalid $slice syntax. The given syntax " + Values.format(spec)
            + " did not match the find() syntax because :: " + findSyntax.code().codeName() + ": "
            + findSyntax.getMessage() + " :: The given syntax did not match the expression $slice syntax. :: "
            + "caused by :: " + expressionSyntax.getMessage());
      }
      return;
    }
    add(name, slice);
    hasSlice = true;
  }

  private void elemMatch(String name, BsonDocument spec) {
    BsonValue argument = spec.get("$elemMatch");
    if (!argument.isDocument()) {
      throw ErrorCode.location(31274).error(
          "elemMatch: Invalid argument, object required, but got " + argument.getBsonType());
    }
    if (hasPositional) {
      throw ErrorCode.location(31255).error("Cannot specify positional operator and $elemMatch.");
    }
    if (name.contains(".")) {
      throw ErrorCode.location(31275).error("Cannot use $elemMatch projection on a nested field.");
    }
    Matcher matcher = Matcher.compile(new BsonDocument(name, spec));
    add(name, new ProjectionNode.ElemMatchProjection(matcher));
    hasElemMatch = true;
  }

  private void expression(String name, BsonDocument spec) {
    if (spec.getFirstKey().equals("$meta")) {
      throw meta(spec.get("$meta"));
    }
    if (Boolean.FALSE.equals(inclusion)) {
      throw ErrorCode.location(31252).error("Cannot use expression other than $meta in exclusion projection");
    }
    add(name, new ProjectionNode.Computed(context.compileOperator(spec)));
    inclusion = true;
  }

  /** Tributary has no text or vector search, record ids or index keys to show: every {@code $meta} fails. */
  private static MongoError meta(BsonValue argument) {
    if (!argument.isString()) {
      return ErrorCode.location(17307).error("$meta only supports string arguments");
    }
    String name = argument.asString().getValue();
    if (name.equals("textScore")) {
      return ErrorCode.location(40218).error("query requires text score metadata, but it is not available");
    }
    if (!META_NAMES.contains(name)) {
      return ErrorCode.location(17308).error("Unsupported argument to $meta: " + name);
    }
    return ErrorCode.NOT_IMPLEMENTED.error("$meta: \"" + name + "\" is not supported");
  }

  private void literal(String name, String local, BsonValue value) {
    add(name, new ProjectionNode.Computed(context.compile(value)));
    if (Boolean.FALSE.equals(inclusion)) {
      throw ErrorCode.location(31310).error(
          "Cannot use an expression " + local + ": " + Values.format(value) + " in an exclusion projection");
    }
    inclusion = true;
  }

  private void inclusion(String name, String local, boolean topLevelId, boolean positional) {
    if (positional) {
      positional(name);
    } else {
      add(name, new ProjectionNode.Include());
      idIncluded |= topLevelId;
    }
    if (!topLevelId) {
      if (Boolean.FALSE.equals(inclusion)) {
        throw ErrorCode.location(31253).error("Cannot do inclusion on field " + local + " in exclusion projection");
      }
      inclusion = true;
    }
  }

  private void exclusion(String name, String local, boolean topLevelId) {
    add(name, new ProjectionNode.Exclude());
    if (!topLevelId) {
      if (Boolean.TRUE.equals(inclusion)) {
        throw ErrorCode.location(31254).error("Cannot do exclusion on field " + local + " in inclusion projection");
      }
      inclusion = false;
    }
  }

  private void positional(String name) {
    if (hasPositional) {
      throw ErrorCode.location(31276).error("Cannot specify more than one positional projection per query.");
    }
    if (hasElemMatch) {
      throw ErrorCode.location(31256).error("Cannot specify positional operator and $elemMatch.");
    }
    if (name.equals(".$")) {
      throw ErrorCode.location(5392900).error("Projection on field .$ is invalid");
    }
    add(name.substring(0, name.length() - 2), new ProjectionNode.Positional());
    hasPositional = true;
  }

  private void add(String dotted, ProjectionNode node) {
    FieldPath path = validPath(dotted);
    ProjectionNode.Fields parent = root;
    for (int i = 0; i < path.length() - 1; i++) {
      ProjectionNode child = parent.children().get(path.part(i));
      if (child == null) {
        child = new ProjectionNode.Fields();
        parent.children().put(path.part(i), child);
      } else if (!(child instanceof ProjectionNode.Fields)) {
        throw ErrorCode.location(31249).error(
            "Path collision at " + path + " remaining portion " + path.suffix(i + 1));
      }
      parent = (ProjectionNode.Fields) child;
    }
    if (parent.children().containsKey(path.last())) {
      throw ErrorCode.location(31250).error("Path collision at " + path);
    }
    parent.children().put(path.last(), node);
  }

  /** mongod's FieldPath rules, with the find projection's own error for an empty path. */
  private static FieldPath validPath(String dotted) {
    if (dotted.isEmpty()) {
      throw ErrorCode.location(40352).error("FieldPath cannot be constructed with empty string");
    }
    return new FieldPath(Expressions.fieldPath(dotted));
  }
}

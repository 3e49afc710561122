package io.tributary.engine.query;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Builds the {@link ProjectionNode} tree of a find projection with mongod's rules and errors (its
 * {@code projection_parser}): one style per projection except for {@code _id}; {@code $slice} alone makes an
 * exclusion projection and {@code $elemMatch} alone an inclusion one; a computed field makes an inclusion
 * projection; paths must not collide (31249, 31250). Confined to one parse.
 */
final class ProjectionParser {
  private final BsonDocument filter;
  private final ProjectionNode.Fields root = new ProjectionNode.Fields();
  private Boolean inclusion;
  private boolean idSpecified;
  private boolean hasPositional;
  private boolean hasElemMatch;
  private boolean hasSlice;

  private ProjectionParser(BsonDocument filter) {
    this.filter = filter;
  }

  /** The root node and whether the projection includes (true) or excludes (false). */
  record Parsed(ProjectionNode.Fields root, boolean inclusion) {}

  static Parsed parse(BsonDocument spec, BsonDocument filter) {
    ProjectionParser parser = new ProjectionParser(filter);
    parser.fields("", spec);
    return parser.finish();
  }

  private void fields(String prefix, BsonDocument spec) {
    for (Map.Entry<String, BsonValue> entry : spec.entrySet()) {
      String name = prefix + entry.getKey();
      idSpecified |= name.equals("_id") || name.startsWith("_id.");
      BsonValue value = entry.getValue();
      if (value.isDocument() && !FilterParser.isOperatorDocument(value) && !value.asDocument().isEmpty()) {
        fields(name + ".", value.asDocument());
      } else if (value.isDocument()) {
        operator(name, value.asDocument());
      } else if (value.isBoolean() || value.isNumber() || value.isDecimal128()) {
        flag(name, isTrue(value));
      } else {
        computed(name, value);
      }
    }
  }

  private Parsed finish() {
    if (inclusion == null) {
      inclusion = !hasSlice && hasElemMatch;
    }
    if (!idSpecified && inclusion) {
      root.children().put("_id", new ProjectionNode.Include());
    }
    return new Parsed(root, inclusion);
  }

  private void operator(String name, BsonDocument operator) {
    if (positionalStart(name) >= 0) {
      throw ErrorCode.location(31271).error("positional projection cannot be used with an expression");
    }
    if (operator.isEmpty()) {
      throw ErrorCode.location(51270).error(
          "An empty sub-projection is not a valid value. Found empty object at path");
    }
    switch (operator.getFirstKey()) {
      case "$slice" -> slice(name, operator.get("$slice"));
      case "$elemMatch" -> elemMatch(name, operator);
      case "$meta" -> throw ErrorCode.BAD_VALUE.error("$meta projections are not supported");
      default -> computed(name, operator);
    }
  }

  private void slice(String name, BsonValue argument) {
    if (argument.isNumber()) {
      add(name, new ProjectionNode.Slice(null, argument.asNumber().intValue()));
    } else if (argument.isArray()) {
      if (argument.asArray().size() != 2) {
        throw ErrorCode.location(31272).error("$slice array argument should be of form [skip, limit]");
      }
      BsonValue skip = argument.asArray().get(0);
      BsonValue limit = argument.asArray().get(1);
      if (!skip.isNumber()) {
        throw ErrorCode.location(31257).error(
            "$slice expects the skip argument to be a number, got " + skip.getBsonType());
      }
      if (!limit.isNumber()) {
        throw ErrorCode.location(31258).error(
            "$slice expects the limit argument to be a number, got " + limit.getBsonType());
      }
      if (limit.asNumber().intValue() <= 0) {
        throw ErrorCode.location(31259).error("$slice limit must be positive, got " + limit.asNumber().intValue());
      }
      add(name, new ProjectionNode.Slice(skip.asNumber().intValue(), limit.asNumber().intValue()));
    } else {
      throw ErrorCode.location(31273).error("$slice only supports numbers and [skip, limit] arrays");
    }
    hasSlice = true;
  }

  private void elemMatch(String name, BsonDocument operator) {
    if (!operator.get("$elemMatch").isDocument()) {
      throw ErrorCode.location(31274).error(
          "elemMatch: Invalid argument, object required, but got " + operator.get("$elemMatch").getBsonType());
    }
    if (hasPositional) {
      throw ErrorCode.location(31255).error("Cannot specify positional operator and $elemMatch.");
    }
    if (name.contains(".")) {
      throw ErrorCode.location(31275).error("Cannot use $elemMatch projection on a nested field.");
    }
    BsonDocument filter = new BsonDocument(name, new BsonDocument("$elemMatch", operator.get("$elemMatch")));
    Matcher matcher = Matcher.compile(filter);
    add(name, new ProjectionNode.ElemMatchProjection(matcher));
    hasElemMatch = true;
  }

  private void computed(String name, BsonValue expression) {
    if (Boolean.FALSE.equals(inclusion)) {
      throw ErrorCode.location(31252).error("Cannot use expression other than $meta in exclusion projection");
    }
    if (positionalStart(name) >= 0) {
      throw ErrorCode.location(31271).error("positional projection cannot be used with an expression");
    }
    inclusion = true;
    add(name, new ProjectionNode.Computed(ExpressionSupport.compile(expression)));
  }

  private void flag(String name, boolean include) {
    if (!include) {
      add(name, new ProjectionNode.Exclude());
      if (!name.equals("_id")) {
        if (Boolean.TRUE.equals(inclusion)) {
          throw ErrorCode.location(31254).error("Cannot do exclusion on field " + name + " in inclusion projection");
        }
        inclusion = false;
      }
      return;
    }
    int positional = positionalStart(name);
    if (positional >= 0) {
      positional(name, positional);
    } else {
      add(name, new ProjectionNode.Include());
    }
    if (Boolean.FALSE.equals(inclusion)) {
      throw ErrorCode.location(31253).error("Cannot do inclusion on field " + name + " in exclusion projection");
    }
    inclusion = true;
  }

  private void positional(String name, int start) {
    if (hasPositional) {
      throw ErrorCode.location(31276).error("Cannot specify more than one positional projection per query.");
    }
    if (hasElemMatch) {
      throw ErrorCode.location(31256).error("Cannot specify positional operator and $elemMatch.");
    }
    String field = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (filter != null && !mentions(filter, field)) {
      throw ErrorCode.location(31277).error(
          "Positional projection '" + name + "' does not match the query document.");
    }
    if (name.endsWith(".$.")) {
      throw ErrorCode.location(31270).error("Path cannot end with '.$.'");
    }
    if (positionalStart(name.substring(start + 2)) >= 0) {
      throw ErrorCode.location(31287).error("Cannot use positional operator twice: " + name);
    }
    add(name.substring(0, start), new ProjectionNode.Positional());
    hasPositional = true;
  }

  /** Where {@code .$} starts in a projected path, or -1. */
  private static int positionalStart(String name) {
    int inner = name.indexOf(".$.");
    if (inner >= 0) {
      return inner;
    }
    return name.endsWith(".$") ? name.length() - 2 : -1;
  }

  /** Whether a filter has a condition on a path starting with {@code field} (as mongod requires for {@code .$}). */
  private static boolean mentions(BsonDocument filter, String field) {
    for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
      String key = entry.getKey();
      if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
        if (entry.getValue().isArray() && entry.getValue().asArray().stream()
            .anyMatch(clause -> clause.isDocument() && mentions(clause.asDocument(), field))) {
          return true;
        }
      } else if (key.equals(field) || key.startsWith(field + ".")) {
        return true;
      }
    }
    return false;
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

  private static FieldPath validPath(String dotted) {
    if (dotted.isEmpty()) {
      throw ErrorCode.location(40352).error("FieldPath cannot be constructed with empty string");
    }
    FieldPath path = FieldPath.parse(dotted);
    for (String part : path.parts()) {
      if (part.isEmpty()) {
        throw ErrorCode.location(15998).error("FieldPath field names may not be empty strings.");
      }
      if (part.startsWith("$")) {
        throw ErrorCode.location(16410).error(
            "FieldPath field names may not start with '$'. Consider using $getField or $setField.");
      }
    }
    return path;
  }

  private static boolean isTrue(BsonValue flag) {
    if (flag.isBoolean()) {
      return flag.asBoolean().getValue();
    }
    return flag.isDecimal128() ? flag.asDecimal128().getValue().doubleValue() != 0 : flag.asNumber().doubleValue() != 0;
  }
}

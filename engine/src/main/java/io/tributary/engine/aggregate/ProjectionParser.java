package io.tributary.engine.aggregate;

import io.tributary.engine.aggregate.ProjectionNode.Computed;
import io.tributary.engine.aggregate.ProjectionNode.Exclude;
import io.tributary.engine.aggregate.ProjectionNode.Include;
import io.tributary.engine.aggregate.ProjectionNode.Nested;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Parses {@code $project}, {@code $unset} and {@code $addFields} specifications (MongoDB 4.4+ rules) into a
 * {@link Nested} tree. For {@code $project}, the first field other than {@code _id} decides between an inclusion
 * projection (which computed fields join) and an exclusion projection; a field of the other kind fails with
 * 31253/31254 (31252 for an expression in an exclusion). Two paths where one is a prefix of the other collide
 * (31250). Single use: one parser per specification.
 */
final class ProjectionParser {
  private enum Mode { UNDECIDED, INCLUSION, EXCLUSION }

  private final ParseContext context;
  private final boolean allComputed;
  private final Nested root = new Nested();
  private Mode mode = Mode.UNDECIDED;

  private ProjectionParser(ParseContext context, boolean allComputed) {
    this.context = context;
    this.allComputed = allComputed;
  }

  /** A {@code $project} (or {@code $unset}) stage named {@code stage}. */
  static ProjectStage project(String stage, BsonDocument spec, ParseContext context) {
    ProjectionParser parser = new ProjectionParser(context, false);
    try {
      if (spec.isEmpty()) {
        throw ErrorCode.location(51272).error("projection specification must have at least one field");
      }
      parser.fields("", spec, parser.root);
    } catch (MongoError e) {
      throw new MongoError(e.code(), "Invalid " + stage + " :: caused by :: " + e.getMessage());
    }
    boolean inclusion = parser.mode == Mode.INCLUSION
        || (parser.mode == Mode.UNDECIDED && parser.root.children().get("_id") instanceof Include);
    if (inclusion && !parser.root.children().containsKey("_id")) {
      parser.root.children().put("_id", new Include());
    }
    return new ProjectStage(stage, parser.root, inclusion);
  }

  /** An {@code $addFields}/{@code $set} tree: every leaf is computed, nested literal documents merge. */
  static Nested computed(BsonDocument spec, ParseContext context) {
    ProjectionParser parser = new ProjectionParser(context, true);
    parser.fields("", spec, parser.root);
    return parser.root;
  }

  private void fields(String prefix, BsonDocument spec, Nested parent) {
    for (Map.Entry<String, BsonValue> field : spec.entrySet()) {
      String path = prefix + field.getKey();
      List<String> parts = Expressions.fieldPath(field.getKey());
      Nested node = parent;
      for (int i = 0; i < parts.size() - 1; i++) {
        node = child(node, parts.get(i), path);
      }
      add(node, parts.get(parts.size() - 1), path, field.getValue());
    }
  }

  private Nested child(Nested parent, String name, String path) {
    ProjectionNode existing = parent.children().computeIfAbsent(name, n -> new Nested());
    if (!(existing instanceof Nested)) {
      throw collision(path);
    }
    return (Nested) existing;
  }

  private void add(Nested parent, String name, String path, BsonValue value) {
    if (value.isDocument() && !value.asDocument().isEmpty() && !Expressions.isOperator(value.asDocument())) {
      fields(path + ".", value.asDocument(), child(parent, name, path));
      return;
    }
    if (parent.children().containsKey(name)) {
      throw collision(path);
    }
    parent.children().put(name, leaf(path, value));
  }

  private ProjectionNode leaf(String path, BsonValue value) {
    if (allComputed) {
      return new Computed(Expressions.parse(value, context));
    }
    if (value.isDocument() && value.asDocument().isEmpty()) {
      throw ErrorCode.location(51270).error("An empty sub-projection is not a valid value. Found empty object at "
          + "path");
    }
    if (value.isBoolean() || value.isNumber() || value.isDecimal128()) {
      return decide(path, Values.truthy(value) ? new Include() : new Exclude());
    }
    return decide(path, new Computed(Expressions.parse(value, context)));
  }

  /** Records what {@code node} says about the projection's kind, failing when it contradicts earlier fields. */
  private ProjectionNode decide(String path, ProjectionNode node) {
    if (path.equals("_id") && !(node instanceof Computed)) {
      return node;
    }
    Mode wanted = node instanceof Exclude ? Mode.EXCLUSION : Mode.INCLUSION;
    if (mode != Mode.UNDECIDED && mode != wanted) {
      throw conflict(path, node);
    }
    mode = wanted;
    return node;
  }

  private static MongoError conflict(String path, ProjectionNode node) {
    if (node instanceof Computed) {
      return ErrorCode.location(31252).error("Cannot use expression other than $meta in exclusion projection");
    }
    if (node instanceof Include) {
      return ErrorCode.location(31253).error("Cannot do inclusion on field " + path + " in exclusion projection");
    }
    return ErrorCode.location(31254).error("Cannot do exclusion on field " + path + " in inclusion projection");
  }

  private static MongoError collision(String path) {
    return ErrorCode.location(31250).error("Path collision at " + path);
  }
}

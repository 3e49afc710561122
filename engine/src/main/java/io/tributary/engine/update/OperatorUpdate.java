package io.tributary.engine.update;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A compiled operator update ({@code {$set: ..., $inc: ...}}): all operators merged into one tree of paths, so that
 * two operators on one path (or on a path and its prefix) are rejected when parsing, and the modifications apply
 * in MongoDB's order (sorted by field name at each level) whatever the order in the update document. Immutable and
 * thread-safe.
 */
final class OperatorUpdate {
  private final ObjectNode root;

  private OperatorUpdate(ObjectNode root) {
    this.root = root;
  }

  static OperatorUpdate parse(BsonDocument spec, Map<String, ArrayFilter> filters, Collation collation) {
    ObjectNode root = new ObjectNode();
    Set<String> usedIdentifiers = new HashSet<>();
    for (Map.Entry<String, BsonValue> modifier : spec.entrySet()) {
      String operator = modifier.getKey();
      ModifierTable.Factory factory = ModifierTable.lookup(operator);
      if (factory == null) {
        throw ErrorCode.FAILED_TO_PARSE.error("Unknown modifier: " + operator
            + ". Expected a valid update modifier or pipeline-style update specified as an array");
      }
      if (!modifier.getValue().isDocument()) {
        throw ErrorCode.FAILED_TO_PARSE.error("Modifiers operate on fields but we found type "
            + BsonText.typeName(modifier.getValue()) + " instead. For example: {$mod: {<field>: ...}} not {"
            + BsonText.element(operator, modifier.getValue()) + "}");
      }
      for (Map.Entry<String, BsonValue> field : modifier.getValue().asDocument().entrySet()) {
        new PathMerge(root, filters, usedIdentifiers, collation).add(operator, factory, field.getKey(),
            field.getValue());
      }
    }
    checkAllUsed(filters.keySet(), usedIdentifiers, spec);
    return new OperatorUpdate(root);
  }

  private static void checkAllUsed(Set<String> identifiers, Set<String> used, BsonDocument spec) {
    for (String identifier : identifiers) {
      if (!used.contains(identifier)) {
        throw ErrorCode.FAILED_TO_PARSE.error("The array filter for identifier '" + identifier
            + "' was not used in the update " + BsonText.document(spec));
      }
    }
  }

  /** Applies the update to {@code document} in place; returns true unless it was a no-op. */
  boolean apply(ApplyContext context, ChangeLog log) {
    Position start = new Position(Element.root(context.document()), RuntimePath.EMPTY, List.of(), log);
    return root.apply(context, start);
  }

  /** Adds one operator's path to the tree (mongod's {@code UpdateObjectNode::parseAndMerge}). */
  private record PathMerge(ObjectNode root, Map<String, ArrayFilter> filters, Set<String> usedIdentifiers,
      Collation collation) {
    void add(String operator, ModifierTable.Factory factory, String field, BsonValue operand) {
      if (operator.equals("$rename")) {
        if (!operand.isString()) {
          throw ErrorCode.BAD_VALUE.error(
              "The 'to' field for $rename must be a string: " + BsonText.element(field, operand));
        }
        FieldPath destination = UpdatePaths.parse(operand.asString().getValue());
        FieldPath source = UpdatePaths.parse(field);
        insert(destination, factory.create(field, operand, collation));
        insert(source, new ConflictPlaceholder());
        return;
      }
      FieldPath path = UpdatePaths.parse(field);
      insert(path, factory.create(field, operand, collation));
    }

    private void insert(FieldPath path, ModifierNode leaf) {
      UpdateNode current = root;
      for (int i = 0; i < path.length() - 1; i++) {
        String name = childName(path, i);
        UpdateNode child = childOf(current, name);
        boolean arrayChild = UpdatePaths.isArrayFilterIdentifier(path.part(i + 1));
        if (child == null) {
          child = arrayChild ? new ArrayNode(filters) : new ObjectNode();
          setChild(current, name, child);
        } else if (arrayChild ? !(child instanceof ArrayNode) : !(child instanceof ObjectNode)) {
          throw conflict(path, path.prefix(i + 1));
        }
        current = child;
      }
      String name = childName(path, path.length() - 1);
      if (childOf(current, name) != null) {
        throw conflict(path, path);
      }
      setChild(current, name, leaf);
    }

    private String childName(FieldPath path, int index) {
      String part = path.part(index);
      if (!UpdatePaths.isArrayFilterIdentifier(part)) {
        return part;
      }
      if (index == 0) {
        throw ErrorCode.BAD_VALUE.error("Cannot have array filter identifier (i.e. '$[<id>]') element in the first"
            + " position in path '" + path + "'");
      }
      String identifier = UpdatePaths.identifier(part);
      if (!identifier.isEmpty()) {
        if (!filters.containsKey(identifier)) {
          throw ErrorCode.BAD_VALUE.error(
              "No array filter found for identifier '" + identifier + "' in path '" + path + "'");
        }
        usedIdentifiers.add(identifier);
      }
      return identifier;
    }

    private static UpdateNode childOf(UpdateNode node, String name) {
      return node instanceof ObjectNode ? ((ObjectNode) node).child(name) : ((ArrayNode) node).child(name);
    }

    private static void setChild(UpdateNode node, String name, UpdateNode child) {
      if (node instanceof ObjectNode) {
        ((ObjectNode) node).setChild(name, child);
      } else {
        ((ArrayNode) node).setChild(name, child);
      }
    }

    private static RuntimeException conflict(FieldPath path, FieldPath at) {
      return ErrorCode.CONFLICTING_UPDATE_OPERATORS.error(
          "Updating the path '" + path + "' would create a conflict at '" + at + "'");
    }
  }
}

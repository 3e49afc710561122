package io.tributary.engine.query;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Scope;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Applies a projection tree to one document. Computed fields see the whole document as {@code $$ROOT};
 * {@code $elemMatch} fields are matched against it; the positional operator uses the query's match. Confined
 * to one {@link Projection#apply} call.
 */
final class Projector {
  private final Scope scope;
  private final MatchResult match;

  Projector(Scope scope, MatchResult match) {
    this.scope = scope;
    this.match = match;
  }

  BsonDocument include(BsonDocument source, ProjectionNode.Fields node) {
    BsonDocument out = new BsonDocument();
    for (Map.Entry<String, BsonValue> field : source.entrySet()) {
      ProjectionNode child = node.children().get(field.getKey());
      BsonValue projected = child == null ? null : includeValue(field.getValue(), child);
      if (projected != null) {
        out.append(field.getKey(), projected);
      }
    }
    for (Map.Entry<String, ProjectionNode> entry : node.children().entrySet()) {
      BsonValue added = added(source, entry.getKey(), entry.getValue());
      if (added != null) {
        out.put(entry.getKey(), added);
      }
    }
    return out;
  }

  /** The projection of an existing field, or null to leave it out (or to add it later, in projection order). */
  private BsonValue includeValue(BsonValue value, ProjectionNode node) {
    if (node instanceof ProjectionNode.Include) {
      return value;
    }
    if (node instanceof ProjectionNode.Slice slice) {
      return slice.apply(value);
    }
    if (node instanceof ProjectionNode.Positional) {
      return value.isArray() ? positional(value.asArray()) : null;
    }
    if (node instanceof ProjectionNode.Fields fields) {
      return value.isArray() && fields.hasPositional() ? positional(value.asArray()) : includeNested(value, fields);
    }
    return null; // Exclude (_id: 0), and $elemMatch and computed fields, added after the existing ones
  }

  private BsonValue includeNested(BsonValue value, ProjectionNode.Fields fields) {
    if (value.isDocument()) {
      return include(value.asDocument(), fields);
    }
    if (value.isArray()) {
      BsonArray out = new BsonArray();
      for (BsonValue element : value.asArray()) {
        if (element.isDocument() || element.isArray()) {
          out.add(includeNested(element, fields));
        }
      }
      return out;
    }
    return fields.hasComputed() ? include(new BsonDocument(), fields) : null;
  }

  /** {@code $elemMatch} and computed fields, and sub-documents made only of computed fields. */
  private BsonValue added(BsonDocument source, String name, ProjectionNode node) {
    if (node instanceof ProjectionNode.Computed computed) {
      return computed.expression().evaluate(scope);
    }
    if (node instanceof ProjectionNode.ElemMatchProjection elemMatch) {
      return elemMatch(source, name, elemMatch.matcher());
    }
    if (node instanceof ProjectionNode.Fields fields && !source.containsKey(name) && fields.hasComputed()) {
      return include(new BsonDocument(), fields);
    }
    return null;
  }

  private static BsonValue elemMatch(BsonDocument source, String name, Matcher matcher) {
    BsonValue value = source.get(name);
    if (value == null || !value.isArray()) {
      return null;
    }
    MatchResult result = matcher.match(source);
    return result.matched() ? new BsonArray(List.of(value.asArray().get(result.arrayPosition()))) : null;
  }

  /**
   * The first array along a positional path, reduced to the element the query matched (mongod's
   * {@code applyPositionalProjection}); a path with no array is left out.
   */
  private BsonValue positional(BsonArray array) {
    int position = match == null ? -1 : match.arrayPosition();
    if (position < 0) {
      throw ErrorCode.location(51246).error(
          "positional operator '.$' couldn't find a matching element in the array");
    }
    if (position >= array.size()) {
      throw ErrorCode.location(51247).error("positional operator '.$' element mismatch");
    }
    return new BsonArray(List.of(array.get(position)));
  }

  BsonDocument exclude(BsonDocument source, ProjectionNode.Fields node) {
    BsonDocument out = new BsonDocument();
    for (Map.Entry<String, BsonValue> field : source.entrySet()) {
      ProjectionNode child = node.children().get(field.getKey());
      BsonValue projected = child == null ? field.getValue() : excludeValue(source, field, child);
      if (projected != null) {
        out.append(field.getKey(), projected);
      }
    }
    return out;
  }

  private BsonValue excludeValue(BsonDocument source, Map.Entry<String, BsonValue> field, ProjectionNode node) {
    if (node instanceof ProjectionNode.Slice slice) {
      return slice.apply(field.getValue());
    }
    if (node instanceof ProjectionNode.ElemMatchProjection elemMatch) {
      return elemMatch(source, field.getKey(), elemMatch.matcher());
    }
    if (node instanceof ProjectionNode.Fields fields) {
      return excludeNested(field.getValue(), fields);
    }
    return null; // Exclude
  }

  private BsonValue excludeNested(BsonValue value, ProjectionNode.Fields fields) {
    if (value.isDocument()) {
      return exclude(value.asDocument(), fields);
    }
    if (value.isArray()) {
      BsonArray out = new BsonArray();
      value.asArray().forEach(element -> out.add(excludeNested(element, fields)));
      return out;
    }
    return value;
  }
}

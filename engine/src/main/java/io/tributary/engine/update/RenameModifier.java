package io.tributary.engine.update;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.error.ErrorCode;
import java.util.List;
import org.bson.BsonValue;

/**
 * {@code $rename}, placed at the destination path: moves the source value there (a {@code $set}) and removes the
 * source (an {@code $unset}). A missing source is a no-op; neither path may go through an array. Immutable and
 * thread-safe.
 */
final class RenameModifier extends ModifierNode {
  private final FieldPath from;
  private final FieldPath to;

  private RenameModifier(FieldPath from, FieldPath to) {
    this.from = from;
    this.to = to;
  }

  static RenameModifier parse(String field, BsonValue operand) {
    String text = BsonText.element(field, operand);
    String target = operand.asString().getValue();
    if (target.indexOf('\0') >= 0) {
      throw ErrorCode.BAD_VALUE.error("The 'to' field for $rename cannot contain an embedded null byte");
    }
    FieldPath from = FieldPath.parse(field);
    FieldPath to = FieldPath.parse(target);
    if (from.equals(to)) {
      throw ErrorCode.BAD_VALUE.error("The source and target field for $rename must differ: " + text);
    }
    if (from.isPrefixOf(to) || to.isPrefixOf(from)) {
      throw ErrorCode.BAD_VALUE.error("The source and target field for $rename must not be on the same path: " + text);
    }
    if (UpdatePaths.isDynamic(from)) {
      throw ErrorCode.BAD_VALUE.error("The source field for $rename may not be dynamic: " + from);
    }
    if (UpdatePaths.isDynamic(to)) {
      throw ErrorCode.BAD_VALUE.error("The destination field for $rename may not be dynamic: " + to);
    }
    return new RenameModifier(from, to);
  }

  @Override
  public boolean apply(ApplyContext context, Position position) {
    Element root = Element.root(context.document());
    RuntimePath sourcePath = findSource(root);
    if (sourcePath == null) {
      return false;
    }
    checkNoArray(context, root, sourcePath, sourcePath.size() - 1, "source", from);
    RuntimePath destination = position.pathTaken();
    int checked = position.pathToCreate().isEmpty() ? destination.size() - 1 : destination.size();
    checkNoArray(context, root, destination, checked, "destination", to);
    Element source = walk(root, sourcePath, sourcePath.size());
    new SetModifier(source.value(), false).apply(context, position);
    new UnsetModifier().apply(context, new Position(source, sourcePath, List.of(), position.log()));
    return true;
  }

  /** The path of the source value, or null when it is missing; fails when a scalar blocks it. */
  private RuntimePath findSource(Element root) {
    Element current = root;
    RuntimePath path = RuntimePath.EMPTY;
    for (int i = 0; i < from.length(); i++) {
      String part = from.part(i);
      BsonValue value = current.value();
      boolean viable = value.isDocument() || (value.isArray() && Values.arrayIndex(part) >= 0);
      if (!viable) {
        throw ErrorCode.PATH_NOT_VIABLE.error("cannot use the part (" + from.part(i - 1) + " of " + from
            + ") to traverse the element ({" + current.text() + "})");
      }
      Element next = current.child(part);
      if (next == null) {
        return null;
      }
      path = path.append(part, value.isArray());
      current = next;
    }
    return path;
  }

  private static Element walk(Element root, RuntimePath path, int length) {
    Element current = root;
    for (int i = 0; i < length; i++) {
      current = current.child(path.parts().get(i));
    }
    return current;
  }

  /** Fails when one of the first {@code count} elements along {@code path} is an array. */
  private static void checkNoArray(ApplyContext context, Element root, RuntimePath path, int count, String role,
      FieldPath field) {
    Element current = root;
    for (int i = 0; i < count; i++) {
      current = current.child(path.parts().get(i));
      if (current.value().isArray()) {
        throw ErrorCode.BAD_VALUE.error("The " + role + " field cannot be an array element, '" + field
            + "' in doc with " + context.idText() + " has an array field called '" + current.name() + "'");
      }
    }
  }

  @Override
  Outcome updateExisting(ApplyContext context, Element element, RuntimePath path) {
    throw new IllegalStateException("$rename applies itself");
  }
}

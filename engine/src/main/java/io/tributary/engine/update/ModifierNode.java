package io.tributary.engine.update;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import java.util.List;
import org.bson.BsonValue;

/**
 * A leaf of the update tree: one operator applied to one path. Subclasses say how the operator changes an existing
 * value and, for operators that create missing paths, which value they create; this class handles the path, the
 * immutable {@code _id}, storage rules for new top-level fields and the change log. Immutable and thread-safe.
 *
 * <p>Notes (mongod's {@code ModifierNode}): a missing path is created only by creating operators; the others are
 * no-ops there, except that most still reject a path blocked by a scalar ({@link #allowNonViablePath}). A value
 * that was created is logged at its topmost new component, an updated one at its own path.
 */
abstract sealed class ModifierNode implements UpdateNode
    permits ReplacingModifier, UnsetModifier, ArithmeticModifier, CurrentDateModifier, RenameModifier,
        ConflictPlaceholder, PushModifier, AddToSetModifier, PopModifier, PullModifier, BitModifier {

  /** What an operator did to an existing value. */
  enum Outcome { NO_OP, UPDATED, APPENDED }

  /** Changes the existing {@code element} at {@code path}. */
  abstract Outcome updateExisting(ApplyContext context, Element element, RuntimePath path);

  /** The value to create at a missing path; only called when {@link #allowCreation} is true. */
  BsonValue valueForNew(ApplyContext context) {
    throw new IllegalStateException(getClass().getSimpleName() + " does not create paths");
  }

  boolean allowCreation() {
    return false;
  }

  /** True for operators that silently ignore a path blocked by a scalar ({@code $unset}, {@code $pull...}). */
  boolean allowNonViablePath() {
    return false;
  }

  /** True for operators that may set a whole document ({@code $set}): {@code _id} may then be rewritten equal. */
  boolean canSetObjectValue() {
    return false;
  }

  /** True for {@code $setOnInsert}. */
  boolean insertOnly() {
    return false;
  }

  /** Records an update of an existing value. */
  void log(ChangeLog log, RuntimePath path, Element element, Outcome outcome) {
    log.updated(path, element.value());
  }

  @Override
  public boolean apply(ApplyContext context, Position position) {
    if (insertOnly() && !context.insert()) {
      return false;
    }
    return position.pathToCreate().isEmpty() ? applyToExisting(context, position) : applyToMissing(context, position);
  }

  private boolean applyToExisting(ApplyContext context, Position position) {
    RuntimePath path = position.pathTaken();
    Outcome outcome = updateExisting(context, position.element(), path);
    if (outcome == Outcome.NO_OP) {
      return false;
    }
    if (path.parts().get(0).equals("_id")) {
      throw immutableIdModified(path, position.element());
    }
    if (position.log() != null) {
      log(position.log(), path, position.element(), outcome);
    }
    return true;
  }

  private MongoError immutableIdModified(RuntimePath path, Element element) {
    if (canSetObjectValue() && path.size() == 1) {
      return ErrorCode.IMMUTABLE_FIELD.error("Updating the path '" + path.dotted() + "' to " + element.text()
          + " would modify the immutable field '_id'");
    }
    return ErrorCode.IMMUTABLE_FIELD.error(
        "Performing an update on the path '" + path.dotted() + "' would modify the immutable field '_id'");
  }

  private boolean applyToMissing(ApplyContext context, Position position) {
    if (!allowCreation()) {
      if (!allowNonViablePath()) {
        checkViability(position);
      }
      return false;
    }
    RuntimePath taken = position.pathTaken();
    Element created = PathCreation.create(position.element(), position.pathToCreate(), valueForNew(context));
    if (taken.isEmpty()) {
      if (!context.insert()) {
        // An upsert's document is checked as a whole before it is inserted, where top-level $ is allowed.
        StorageRules.checkTopLevelName(created.name());
      }
    } else if (taken.parts().get(0).equals("_id")) {
      throw ErrorCode.IMMUTABLE_FIELD.error("Updating the path '" + taken.dotted() + "' to " + position.element().text()
          + " would modify the immutable field '_id'");
    }
    if (position.log() != null) {
      logCreated(position, created);
    }
    return true;
  }

  /** Logs a created path at its first new component (an array index when it extends an array). */
  private static void logCreated(Position position, Element created) {
    RuntimePath full = position.pathTaken();
    List<String> toCreate = position.pathToCreate();
    for (int i = 0; i < toCreate.size(); i++) {
      full = full.append(toCreate.get(i), i == 0 && created.inArray());
    }
    position.log().created(full, position.pathTaken().size(), created.value());
  }

  /** mongod's {@code UpdateLeafNode::checkViability}: could the missing path be created below the element? */
  private static void checkViability(Position position) {
    BsonValue value = position.element().value();
    String first = position.pathToCreate().get(0);
    if (value.isDocument() || (value.isArray() && Values.arrayIndex(first) >= 0)) {
      return;
    }
    throw ErrorCode.PATH_NOT_VIABLE.error("Cannot use the part (" + first + ") of (" + position.pathTaken().dotted()
        + "." + String.join(".", position.pathToCreate()) + ") to traverse the element ({"
        + position.element().text() + "})");
  }
}

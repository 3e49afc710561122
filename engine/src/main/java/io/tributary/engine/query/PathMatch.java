package io.tributary.engine.query;

import io.tributary.engine.bson.FieldPath;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A condition on the values at a dotted path: it holds when any value the path yields (array elements included,
 * see {@link FieldPath#visit}) satisfies the predicate. Negations ({@code $ne}, {@code $nin}, {@code $not},
 * {@code $exists: false}) hold when <em>no</em> value satisfies the inner predicate, and each operator of a
 * conjunction on one path ({@code {$gt: 1, $lt: 5}}) may be satisfied by a different element, as in MongoDB.
 * Immutable and thread-safe.
 */
record PathMatch(FieldPath path, ValuePredicate predicate) implements MatchExpression {

  @Override
  public boolean matches(BsonDocument document, MatchDetails details) {
    return holds(document, predicate, details);
  }

  private boolean holds(BsonValue root, ValuePredicate condition, MatchDetails details) {
    if (condition instanceof ValuePredicate.Not not) {
      return !holds(root, not.inner(), null);
    }
    if (condition instanceof ValuePredicate.AllOf all) {
      return all.predicates().stream().allMatch(each -> holds(root, each, details));
    }
    int[] position = {-1};
    boolean found = path.visit(root, condition.expandsLeafArrays(), (value, arrayPosition) -> {
      if (!condition.test(value)) {
        return false;
      }
      position[0] = arrayPosition >= 0 || !(condition instanceof ElemMatch elemMatch)
          ? arrayPosition : elemMatch.firstMatch(value.asArray());
      return true;
    });
    if (found && details != null) {
      details.recordArrayPosition(position[0]);
    }
    return found;
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.plan.QueryRequest;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Which write requests are quick ({@link io.tributary.engine.command.Command#isQuick}): on the in-memory engine,
 * whose commits never wait for a disk, at most {@value #MAX_STATEMENTS} statements, each of which finds its
 * document (if any) by {@code _id} alone, one probe of the {@code _id} index. Stateless.
 */
final class QuickWrites {
  /** Bounded work for an event loop: an insertMany's usual batch. */
  static final int MAX_STATEMENTS = 100;
  /** Options that may make a statement plan another way than through the {@code _id} index. */
  private static final Set<String> PLANNING_OPTIONS = Set.of("hint", "collation", "sort");

  private QuickWrites() {}

  /** An array of at most {@value #MAX_STATEMENTS} statements, for the in-memory engine. */
  static boolean bounded(Engine engine, BsonValue statements) {
    return !engine.storage().isDurable() && statements != null && statements.isArray()
        && statements.asArray().size() <= MAX_STATEMENTS;
  }

  /** {@link #bounded} statements, each finding its document by {@code _id} in its {@code filterField}. */
  static boolean byId(Engine engine, BsonValue statements, String filterField) {
    return bounded(engine, statements)
        && statements.asArray().stream().allMatch(statement -> isById(statement, filterField));
  }

  /** One statement (or a findAndModify) whose {@code filterField} is an {@code _id} equality. */
  static boolean isById(BsonValue statement, String filterField) {
    if (!statement.isDocument() || !statement.asDocument().isDocument(filterField)) {
      return false;
    }
    BsonDocument fields = statement.asDocument();
    return PLANNING_OPTIONS.stream().noneMatch(fields::containsKey)
        && QueryRequest.idEquality(fields.getDocument(filterField)).isPresent();
  }
}

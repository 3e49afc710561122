package io.tributary.engine.command.crud;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.operation.OperationDeadline;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The statement loop of the batch write commands ({@code insert}, {@code update}, {@code delete}): each element of
 * the command's array runs on its own; one that fails is reported in {@code writeErrors} and, when the write is
 * ordered, ends the batch, as in mongod. Stateless.
 */
final class WriteStatements {
  private static final int STATEMENTS_PER_CHECK = 64;

  private WriteStatements() {}

  /** Runs one statement (the array's element {@code index}) and returns its result, e.g. {@code {n: 1}}. */
  @FunctionalInterface
  interface Statement {
    BsonDocument run(BsonDocument statement, int index);
  }

  /** What a batch did: the results of the statements that succeeded, by index, and the errors of the others. */
  record Outcome(SortedMap<Integer, BsonDocument> results, WriteErrors errors) {
    /** The sum of the int field {@code field} over the results. */
    int sum(String field) {
      return results.values().stream().mapToInt(result -> result.getInt32(field).getValue()).sum();
    }
  }

  /**
   * The statements array at {@code path} ({@code "delete.deletes"}), FailedToParse when missing, TypeMismatch when
   * not an array. mongod parses the
   * whole command first, so a statement with a field outside {@code fields} fails the command, not one statement.
   */
  static BsonArray parse(BsonDocument command, String path, Set<String> fields) {
    BsonArray statements = CommandArguments.requiredArray(command, path);
    statements.stream().filter(BsonValue::isDocument)
        .forEach(s -> CommandArguments.requireKnownFields(s.asDocument(), path, fields));
    return statements;
  }

  /**
   * Runs {@code statements} in order; an element that is not a document fails with TypeMismatch at
   * {@code path.<index>}. Only a {@link MongoError} is a statement's error; {@link WriteErrors#add} rethrows one
   * that dooms the surrounding transaction, and {@code MaxTimeMSExpired} fails the whole command (mongod: an
   * interruption "has always failed the whole batch"). The deadline is checked every
   * {@value #STATEMENTS_PER_CHECK} statements, not per statement: the insert path reads no clock per document.
   */
  static Outcome run(BsonArray statements, String path, boolean ordered, Statement statement) {
    SortedMap<Integer, BsonDocument> results = new TreeMap<>();
    WriteErrors errors = new WriteErrors();
    for (int i = 0; i < statements.size(); i++) {
      BsonValue element = statements.get(i);
      if (i % STATEMENTS_PER_CHECK == STATEMENTS_PER_CHECK - 1) {
        OperationDeadline.checkForInterrupt();
      }
      try {
        if (!element.isDocument()) {
          throw CommandArguments.typeMismatch(path + "." + i, "object", element);
        }
        results.put(i, statement.run(element.asDocument(), i));
      } catch (MongoError e) {
        if (e.code().equals(ErrorCode.MAX_TIME_MS_EXPIRED)) {
          throw e;
        }
        errors.add(i, e);
        if (ordered) {
          break;
        }
      }
    }
    return new Outcome(results, errors);
  }
}

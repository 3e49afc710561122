package io.tributary.engine.command;

import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonDocument;
import org.bson.BsonInt64;

/**
 * {@code serverStatus.opcounters}: like mongod, inserts count documents, updates and deletes count statements,
 * {@code find} counts as a query and every other command as a command. Thread-safe.
 */
public final class OpCounters {
  private final LongAdder insert = new LongAdder();
  private final LongAdder query = new LongAdder();
  private final LongAdder update = new LongAdder();
  private final LongAdder delete = new LongAdder();
  private final LongAdder getmore = new LongAdder();
  private final LongAdder command = new LongAdder();

  /** Counts one received command (whether it then succeeds or not, as mongod does). */
  public void record(String commandName, BsonDocument request) {
    switch (commandName) {
      case "insert" -> insert.add(statements(request, "documents"));
      case "update" -> update.add(statements(request, "updates"));
      case "delete" -> delete.add(statements(request, "deletes"));
      case "find" -> query.increment();
      case "getMore" -> getmore.increment();
      default -> command.increment();
    }
  }

  public BsonDocument toDocument() {
    return new BsonDocument("insert", new BsonInt64(insert.sum()))
        .append("query", new BsonInt64(query.sum()))
        .append("update", new BsonInt64(update.sum()))
        .append("delete", new BsonInt64(delete.sum()))
        .append("getmore", new BsonInt64(getmore.sum()))
        .append("command", new BsonInt64(command.sum()));
  }

  private static int statements(BsonDocument request, String field) {
    return request.isArray(field) ? request.getArray(field).size() : 0;
  }
}

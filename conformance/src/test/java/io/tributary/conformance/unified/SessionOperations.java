package io.tributary.conformance.unified;

import com.mongodb.TransactionOptions;
import com.mongodb.client.ClientSession;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Operations of session entities: transactions (start, commit, abort, withTransaction), endSession
 * and getSnapshotTime. Stateless.
 */
// spec: unified-test-format.md#session-operations
final class SessionOperations {

  private SessionOperations() {}

  static void register(OperationRegistry registry) {
    registry.add("startTransaction", ClientSession.class, (s, a, x) -> {
      s.startTransaction(transactionOptions(a));
      return null;
    });
    registry.add("commitTransaction", ClientSession.class, (s, a, x) -> {
      s.commitTransaction();
      return null;
    });
    registry.add("abortTransaction", ClientSession.class, (s, a, x) -> {
      s.abortTransaction();
      return null;
    });
    registry.add("endSession", ClientSession.class, (s, a, x) -> {
      s.close();
      return null;
    });
    registry.add("getSnapshotTime", ClientSession.class, (s, a, x) -> s.getSnapshotTimestamp());
    registry.add("withTransaction", ClientSession.class, SessionOperations::withTransaction);
  }

  /**
   * Runs the callback operations inside the driver's withTransaction; an error of any callback
   * operation propagates to withTransaction after its own assertions, as the format requires.
   */
  private static Object withTransaction(ClientSession session, Arguments args, TestContext context) {
    TransactionOptions options = transactionOptions(args);
    BsonValue callback = args.required("callback");
    session.withTransaction(() -> {
      for (BsonValue operation : callback.asArray()) {
        context.runOperation(operation.asDocument(), true);
      }
      return null;
    }, options);
    return null;
  }

  private static TransactionOptions transactionOptions(Arguments args) {
    BsonDocument options = new BsonDocument();
    for (String name : new String[] {"readConcern", "writeConcern", "readPreference", "maxCommitTimeMS"}) {
      BsonValue value = args.get(name);
      if (value != null) {
        options.append(name, value);
      }
    }
    return DriverOptions.transactionOptions(options);
  }
}

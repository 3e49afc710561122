package io.tributary.engine.command.crud;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.storage.ReadView;
import io.tributary.engine.storage.Snapshot;
import io.tributary.engine.session.Transaction;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/**
 * The storage state a read command reads: in a transaction, the transaction's view; else a fresh snapshot, or, with {@code readConcern: {level: "snapshot"}},
 * the state at {@code atClusterTime} (captured now when absent) from the engine's
 * {@link io.tributary.engine.session.SnapshotHistory}, whose time the reply reports as {@code atClusterTime}.
 *
 * @param view what to read
 * @param release closes the fresh snapshot (nothing for a held one); {@link #close()} runs it
 * @param atClusterTime the snapshot read's time, or null for an ordinary read
 */
public record ReadSnapshot(ReadView view, Runnable release, BsonTimestamp atClusterTime) implements AutoCloseable {
  private static final Set<String> SNAPSHOT_READS = Set.of("find", "aggregate", "distinct");

  public static ReadSnapshot open(CommandContext context, BsonDocument command) {
    Optional<Transaction> transaction = Transactions.join(context, command);
    if (transaction.isPresent()) {
      return new ReadSnapshot(transaction.get().readView(), () -> { }, null);
    }
    BsonValue readConcern = command.get("readConcern");
    if (readConcern == null || !readConcern.isDocument() || !isSnapshot(readConcern.asDocument())) {
      Snapshot snapshot = context.engine().storage().snapshot();
      return new ReadSnapshot(snapshot, snapshot::close, null);
    }
    BsonValue requested = readConcern.asDocument().get("atClusterTime");
    if (requested != null && !requested.isTimestamp()) {
      throw ErrorCode.TYPE_MISMATCH.error("BSON field 'atClusterTime' is the wrong type, expected type 'timestamp'");
    }
    BsonTimestamp time = requested != null ? requested.asTimestamp() : context.engine().snapshots().capture();
    return new ReadSnapshot(context.engine().snapshots().at(time), () -> { }, time);
  }

  /**
   * Refuses a snapshot read concern outside a transaction for commands other than {@code find},
   * {@code aggregate} and {@code distinct}, as mongod does ({@code InvalidOptions}).
   */
  public static void checkSupported(String commandName, BsonDocument command) {
    BsonValue readConcern = command.get("readConcern");
    if (readConcern == null || !readConcern.isDocument() || !isSnapshot(readConcern.asDocument())
        || command.containsKey("autocommit") || SNAPSHOT_READS.contains(commandName)) {
      return;
    }
    throw ErrorCode.INVALID_OPTIONS.error("Command " + commandName + " does not support "
        + readConcern.asDocument().toJson() + " outside of a multi-document transaction");
  }

  /** Whether {@code readConcern} asks for a snapshot read. */
  public static boolean isSnapshot(BsonDocument readConcern) {
    return readConcern.isString("level") && readConcern.getString("level").getValue().equals("snapshot");
  }

  /** Adds {@code atClusterTime} to {@code target} for a snapshot read. */
  public BsonDocument report(BsonDocument target) {
    if (atClusterTime != null) {
      target.append("atClusterTime", atClusterTime);
    }
    return target;
  }

  /** Releases what the read held: call when its cursor closes. */
  @Override
  public void close() {
    release.run();
  }
}

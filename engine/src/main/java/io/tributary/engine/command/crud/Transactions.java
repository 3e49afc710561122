package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.session.Transaction;
import java.util.Optional;
import java.util.function.Function;
import org.bson.BsonDocument;

/**
 * Which multi-document transaction a command belongs to: commands with {@code autocommit: false} run in the
 * session's transaction {@code txnNumber}, which {@code startTransaction: true} starts. Stateless.
 */
public final class Transactions {
  private Transactions() {}

  /** The command's transaction, started if the command starts it; empty outside a transaction. */
  public static Optional<Transaction> join(CommandContext context, BsonDocument command) {
    if (!command.containsKey("autocommit")) {
      return Optional.empty();
    }
    if (CommandArguments.bool(command, "autocommit", true)) {
      throw ErrorCode.INVALID_OPTIONS.error("autocommit must be false");
    }
    if (context.lsid() == null || context.txnNumber() == null) {
      throw ErrorCode.location(50768).error("txnNumber may only be provided for multi-document transactions and "
          + "retryable write commands");
    }
    var session = context.engine().sessions().session(context.lsid());
    if (CommandArguments.bool(command, "startTransaction", false)) {
      return Optional.of(session.startTransaction(context.txnNumber(), context.engine().writer(),
          context.engine().storage().snapshot(), context.engine().clock().millis()));
    }
    return Optional.of(session.transaction(context.txnNumber()));
  }

  /**
   * Runs the write {@code work} of a command that may run in a transaction ({@code create}, {@code createIndexes}):
   * in the command's transaction, committed with it (so nothing is visible before the commit), or else as one
   * commit acknowledged as its write concern asks ({@link DurableAck#write}).
   */
  public static <T> T write(CommandContext context, BsonDocument command, Function<WriteUnit, T> work) {
    Optional<Transaction> transaction = join(context, command);
    return transaction.isPresent() ? transaction.get().write(work) : DurableAck.write(context, command, work);
  }

  /** The transaction of command {@code name}, which only runs in one; InvalidOptions outside a transaction. */
  public static Transaction required(CommandContext context, BsonDocument command, String name) {
    return join(context, command).orElseThrow(() ->
        ErrorCode.INVALID_OPTIONS.error(name + " must be run within a transaction"));
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.session.Transaction;
import org.bson.BsonDocument;

/**
 * {@code abortTransaction} (on {@code admin}): discards the session's transaction; aborting a committed one fails
 * with {@code TransactionCommitted}, an aborted one with {@code NoSuchTransaction}.
 */
public final class AbortTransactionCommand implements SyncCommand {
  @Override
  public String name() {
    return "abortTransaction";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Transaction transaction = Transactions.required(context, command, name());
    if (transaction.state() == Transaction.State.ABORTED) {
      throw ErrorCode.NO_SUCH_TRANSACTION.error("Transaction with { txnNumber: " + transaction.txnNumber()
          + " } has been aborted.");
    }
    transaction.abort();
    return new BsonDocument();
  }
}

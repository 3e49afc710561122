package io.tributary.engine.command.crud;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.session.Transaction;
import org.bson.BsonDocument;

/**
 * {@code commitTransaction} (on {@code admin}, with {@code lsid}, {@code txnNumber}, {@code autocommit: false}):
 * commits the session's transaction in one atomic batch; a retried commit of a committed transaction succeeds.
 */
public final class CommitTransactionCommand implements SyncCommand {
  @Override
  public String name() {
    return "commitTransaction";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Transaction transaction = Transactions.required(context, command, name());
    DurableAck.acknowledged(context, command, () -> {
      transaction.commit();
      return null;
    });
    return new BsonDocument();
  }
}

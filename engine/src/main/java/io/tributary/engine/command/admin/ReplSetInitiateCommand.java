package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;

/**
 * {@code replSetInitiate} ({@code rs.initiate()}): the set is initiated from the start, so this fails with
 * {@code AlreadyInitialized} (23) as on an initiated mongod; scripts written for mongod treat that as success.
 */
public final class ReplSetInitiateCommand implements SyncCommand {
  @Override
  public String name() {
    return "replSetInitiate";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    throw ErrorCode.ALREADY_INITIALIZED.error("already initialized");
  }
}

package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;

/** {@code connectionStatus}: nobody is authenticated, since Tributary runs without access control. Stateless. */
public final class ConnectionStatusCommand implements SyncCommand {
  @Override
  public String name() {
    return "connectionStatus";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonDocument authInfo = new BsonDocument("authenticatedUsers", new BsonArray())
        .append("authenticatedUserRoles", new BsonArray());
    if (command.getBoolean("showPrivileges", BsonBoolean.FALSE).getValue()) {
      authInfo.append("authenticatedUserPrivileges", new BsonArray());
    }
    return new BsonDocument("authInfo", authInfo);
  }
}

package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * {@code getCmdLineOpts}: {@code {argv, parsed}} as the process was started, with mongod's option names
 * ({@code parsed.net.port}, {@code parsed.setParameter.enableTestCommands: "1"}, ...). Test harnesses read
 * {@code enableTestCommands} from it. Stateless.
 */
public final class GetCmdLineOptsCommand implements SyncCommand {
  @Override
  public String name() {
    return "getCmdLineOpts";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonDocument commandLine = context.engine().commandLine().clone();
    if (!commandLine.isArray("argv")) {
      commandLine.append("argv", new BsonArray());
    }
    if (!commandLine.isDocument("parsed")) {
      commandLine.append("parsed", new BsonDocument());
    }
    return commandLine;
  }
}

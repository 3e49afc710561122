package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.command.ClientConnection;
import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.MongoError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.bson.BsonDocument;

/** Runs engine commands in-process with a {@link CommandContext}, for engine-level tests without the network. */
public final class CommandHarness {
  private final Engine engine;
  private final Map<String, Command> commands = new HashMap<>();
  private final ClientConnection connection = new ClientConnection() {
    private BsonDocument metadata;

    @Override
    public long id() {
      return 1;
    }

    @Override
    public String remoteAddress() {
      return "127.0.0.1:1";
    }

    @Override
    public BsonDocument clientMetadata() {
      return metadata;
    }

    @Override
    public void setClientMetadata(BsonDocument metadata) {
      this.metadata = metadata;
    }
  };

  public CommandHarness(Engine engine, List<Command> commands) {
    this.engine = engine;
    commands.forEach(c -> this.commands.put(c.name(), c));
  }

  public Engine engine() {
    return engine;
  }

  /** The reply (without ok); a failure is thrown as the {@link MongoError}. */
  public BsonDocument run(String db, BsonDocument command) {
    return run(new CommandContext(engine, connection, db, command.getDocument("lsid", null),
        command.isNumber("txnNumber") ? command.getNumber("txnNumber").longValue() : null), command);
  }

  public BsonDocument run(CommandContext context, BsonDocument command) {
    Command target = commands.get(command.getFirstKey());
    try {
      return target.execute(context, command).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  public BsonDocument run(String db, String json) {
    return run(db, BsonDocument.parse(json));
  }
}

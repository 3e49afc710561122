package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.command.ClientConnection;
import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.CommandRegistry;
import io.tributary.engine.error.MongoError;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.bson.BsonDocument;

/** Runs the registry's engine commands in-process with a {@link CommandContext}, for engine-level tests without the network. */
public final class CommandHarness {
  private final Engine engine;
  private final Function<String, Optional<Command>> commands;
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

  /** Runs the commands of the standard registry (test commands included). */
  public CommandHarness(Engine engine) {
    this.engine = engine;
    this.commands = CommandRegistry.standard(true)::find;
  }

  /** Runs only the given commands. */
  public CommandHarness(Engine engine, List<Command> commands) {
    this.engine = engine;
    this.commands = name -> commands.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Engine engine() {
    return engine;
  }

  /** The reply (without ok); a failure is thrown as the {@link MongoError}. */
  public BsonDocument run(String db, BsonDocument command) {
    return run(context(db, command), command);
  }

  /** Starts a command without waiting for its reply (a getMore that parks completes later). */
  public CompletableFuture<BsonDocument> start(String db, BsonDocument command) {
    return commands.apply(command.getFirstKey()).orElseThrow().execute(context(db, command), command);
  }

  private CommandContext context(String db, BsonDocument command) {
    return new CommandContext(engine, connection, db, command.getDocument("lsid", null),
        command.isNumber("txnNumber") ? command.getNumber("txnNumber").longValue() : null);
  }

  public BsonDocument run(CommandContext context, BsonDocument command) {
    Command target = commands.apply(command.getFirstKey()).orElseThrow();
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

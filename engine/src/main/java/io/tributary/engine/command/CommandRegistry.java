package io.tributary.engine.command;

import io.tributary.engine.command.admin.BuildInfoCommand;
import io.tributary.engine.command.admin.ConfigureFailPointCommand;
import io.tributary.engine.command.admin.ConnectionStatusCommand;
import io.tributary.engine.command.admin.GetClusterParameterCommand;
import io.tributary.engine.command.admin.FsyncCommand;
import io.tributary.engine.command.admin.GetCmdLineOptsCommand;
import io.tributary.engine.command.admin.GetLogCommand;
import io.tributary.engine.command.admin.GetParameterCommand;
import io.tributary.engine.command.admin.HelloCommand;
import io.tributary.engine.command.admin.HostInfoCommand;
import io.tributary.engine.command.admin.ListCommandsCommand;
import io.tributary.engine.command.admin.PingCommand;
import io.tributary.engine.command.admin.ReplSetGetConfigCommand;
import io.tributary.engine.command.admin.ReplSetGetStatusCommand;
import io.tributary.engine.command.admin.ReplSetInitiateCommand;
import io.tributary.engine.command.admin.ServerStatusCommand;
import io.tributary.engine.command.admin.SessionCommands;
import io.tributary.engine.command.admin.SetClusterParameterCommand;
import io.tributary.engine.command.admin.SetParameterCommand;
import io.tributary.engine.command.admin.WhatsMyUriCommand;
import io.tributary.engine.command.crud.AbortTransactionCommand;
import io.tributary.engine.command.crud.AggregateCommand;
import io.tributary.engine.command.crud.CommitTransactionCommand;
import io.tributary.engine.command.crud.ExplainCommand;
import io.tributary.engine.command.crud.CollStatsCommand;
import io.tributary.engine.command.crud.CountCommand;
import io.tributary.engine.command.crud.DeleteCommand;
import io.tributary.engine.command.crud.DistinctCommand;
import io.tributary.engine.command.crud.FindAndModifyCommand;
import io.tributary.engine.command.crud.FindCommand;
import io.tributary.engine.command.crud.GetMoreCommand;
import io.tributary.engine.command.crud.InsertCommand;
import io.tributary.engine.command.crud.KillCursorsCommand;
import io.tributary.engine.command.crud.UpdateCommand;
import io.tributary.engine.command.ddl.CloneCollectionAsCappedCommand;
import io.tributary.engine.command.ddl.CollModCommand;
import io.tributary.engine.command.ddl.ConvertToCappedCommand;
import io.tributary.engine.command.ddl.CreateCommand;
import io.tributary.engine.command.ddl.CreateIndexesCommand;
import io.tributary.engine.command.ddl.DropCommand;
import io.tributary.engine.command.ddl.DropDatabaseCommand;
import io.tributary.engine.command.ddl.DropIndexesCommand;
import io.tributary.engine.command.ddl.ListCollectionsCommand;
import io.tributary.engine.command.ddl.ListDatabasesCommand;
import io.tributary.engine.command.ddl.ListIndexesCommand;
import io.tributary.engine.command.ddl.RenameCollectionCommand;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every command the server knows, in one explicit list: to add a command, add its instance to {@link #COMMANDS}
 * (test-only commands to {@link #TEST_COMMANDS}). Lookup is by name or alias, case-sensitive like mongod.
 * Immutable and thread-safe.
 */
public final class CommandRegistry {
  private static final List<Command> COMMANDS = List.of(
      // handshake, identity and administration
      new HelloCommand(),
      new PingCommand(),
      new BuildInfoCommand(),
      new HostInfoCommand(),
      new ServerStatusCommand(),
      new GetCmdLineOptsCommand(),
      new GetParameterCommand(),
      new SetParameterCommand(),
      new SetClusterParameterCommand(),
      new GetClusterParameterCommand(),
      new ConnectionStatusCommand(),
      new WhatsMyUriCommand(),
      new GetLogCommand(),
      new ListCommandsCommand(),
      new FsyncCommand(),
      // replication: always a one-member replica set primary
      new ReplSetGetStatusCommand(),
      new ReplSetGetConfigCommand(),
      new ReplSetInitiateCommand(),
      // CRUD and cursors
      new InsertCommand(),
      new UpdateCommand(),
      new DeleteCommand(),
      new FindAndModifyCommand(),
      new FindCommand(),
      new GetMoreCommand(),
      new KillCursorsCommand(),
      new CountCommand(),
      new DistinctCommand(),
      new AggregateCommand(),
      new CollStatsCommand(),
      // multi-document transactions
      new CommitTransactionCommand(),
      new AbortTransactionCommand(),
      new ExplainCommand(),
      // DDL
      new CreateCommand(),
      new DropCommand(),
      new DropDatabaseCommand(),
      new RenameCollectionCommand(),
      new ConvertToCappedCommand(),
      new CloneCollectionAsCappedCommand(),
      new CollModCommand(),
      new CreateIndexesCommand(),
      new DropIndexesCommand(),
      new ListCollectionsCommand(),
      new ListIndexesCommand(),
      new ListDatabasesCommand(),
      // sessions
      SessionCommands.startSession(),
      SessionCommands.endSessions(),
      SessionCommands.refreshSessions(),
      SessionCommands.killSessions(),
      SessionCommands.killAllSessions(),
      SessionCommands.killAllSessionsByPattern());

  /** Registered only when the {@code enableTestCommands} parameter is set at startup, as in mongod. */
  private static final List<Command> TEST_COMMANDS = List.of(
      new ConfigureFailPointCommand());

  private final Map<String, Command> byName;
  private final List<Command> commands;

  private CommandRegistry(List<Command> commands) {
    Map<String, Command> index = new LinkedHashMap<>();
    for (Command command : commands) {
      register(index, command.name(), command);
      command.aliases().forEach(alias -> register(index, alias, command));
    }
    this.byName = Collections.unmodifiableMap(index);
    this.commands = List.copyOf(commands);
  }

  /** The server's commands, with the test commands when {@code testCommandsEnabled}. */
  public static CommandRegistry standard(boolean testCommandsEnabled) {
    List<Command> all = new ArrayList<>(COMMANDS);
    if (testCommandsEnabled) {
      all.addAll(TEST_COMMANDS);
    }
    return new CommandRegistry(all);
  }

  public Optional<Command> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Each registered command once, in registration order. */
  public Collection<Command> commands() {
    return commands;
  }

  private static void register(Map<String, Command> index, String name, Command command) {
    if (index.putIfAbsent(name, command) != null) {
      throw new IllegalStateException("two commands are named " + name);
    }
  }
}

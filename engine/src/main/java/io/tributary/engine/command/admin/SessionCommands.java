package io.tributary.engine.command.admin;

import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * The logical-session commands. Sessions hold no server state here yet (cursors are not tied to them), so ending,
 * refreshing and killing sessions succeed without effect, and {@code startSession} hands out a fresh id.
 */
public final class SessionCommands {
  private static final int TIMEOUT_MINUTES = 30;

  private SessionCommands() {}

  public static Command startSession() {
    return new StartSession();
  }

  public static Command endSessions() {
    return new Acknowledge("endSessions");
  }

  public static Command refreshSessions() {
    return new Acknowledge("refreshSessions");
  }

  public static Command killSessions() {
    return new Acknowledge("killSessions");
  }

  public static Command killAllSessions() {
    return new Acknowledge("killAllSessions");
  }

  public static Command killAllSessionsByPattern() {
    return new Acknowledge("killAllSessionsByPattern");
  }

  /** {@code {id: {id: UUID}, timeoutMinutes}}. */
  private static final class StartSession implements SyncCommand {
    @Override
    public String name() {
      return "startSession";
    }

    @Override
    public BsonDocument run(CommandContext context, BsonDocument command) {
      return new BsonDocument("id", new BsonDocument("id", new BsonBinary(UUID.randomUUID())))
          .append("timeoutMinutes", new BsonInt32(TIMEOUT_MINUTES));
    }
  }

  /** A session command with nothing to do. */
  private record Acknowledge(String name) implements SyncCommand {
    @Override
    public BsonDocument run(CommandContext context, BsonDocument command) {
      return new BsonDocument();
    }
  }
}

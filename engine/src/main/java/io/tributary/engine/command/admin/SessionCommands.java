package io.tributary.engine.command.admin;

import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.CommandArguments;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * The logical-session commands. {@code endSessions} forgets the sessions' retryable-write state in the
 * {@link io.tributary.engine.session.SessionCatalog}; refreshing and killing sessions succeed without effect
 * (sessions have no timeouts and own no operations to interrupt here), and {@code startSession} hands out a
 * fresh id.
 */
public final class SessionCommands {
  private static final int TIMEOUT_MINUTES = 30;

  private SessionCommands() {}

  public static Command startSession() {
    return new StartSession();
  }

  public static Command endSessions() {
    return new EndSessions();
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

  /** {@code {endSessions: [{id: UUID}, ...]}}. */
  private static final class EndSessions implements SyncCommand {
    @Override
    public String name() {
      return "endSessions";
    }

    @Override
    public BsonDocument run(CommandContext context, BsonDocument command) {
      BsonValue sessions = command.get(name());
      if (!sessions.isArray()) {
        throw CommandArguments.typeMismatch("endSessions.endSessions", "array", sessions);
      }
      for (BsonValue lsid : sessions.asArray()) {
        if (lsid.isDocument() && lsid.asDocument().containsKey("id")) {
          context.engine().sessions().end(lsid.asDocument());
        }
      }
      return new BsonDocument();
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

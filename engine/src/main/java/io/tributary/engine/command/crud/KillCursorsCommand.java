package io.tributary.engine.command.crud;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.cursor.CursorRegistry;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code killCursors}: closes the given cursors and reports {@code cursorsKilled}, {@code cursorsNotFound},
 * {@code cursorsAlive} and {@code cursorsUnknown} as mongod does.
 */
public final class KillCursorsCommand implements SyncCommand {
  @Override
  public String name() {
    return "killCursors";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    CommandArguments.namespace(context, command);
    CursorRegistry cursors = context.engine().cursors();
    BsonArray killed = new BsonArray();
    BsonArray notFound = new BsonArray();
    for (BsonValue id : command.getArray("cursors", new BsonArray())) {
      (cursors.kill(id.asNumber().longValue()) ? killed : notFound).add(id);
    }
    return new BsonDocument("cursorsKilled", killed).append("cursorsNotFound", notFound)
        .append("cursorsAlive", new BsonArray()).append("cursorsUnknown", new BsonArray());
  }
}

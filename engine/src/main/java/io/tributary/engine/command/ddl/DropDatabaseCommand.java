package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.command.crud.DurableAck;
import io.tributary.engine.oplog.Operation;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * {@code dropDatabase}: drops every collection of the database (one drop entry each) and then logs the database
 * drop, all in one unit. Reply: {@code {dropped: "db"}}.
 */
public final class DropDatabaseCommand implements SyncCommand {
  @Override
  public String name() {
    return "dropDatabase";
  }

  @Override
  public boolean isWrite() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    String db = context.database();
    Namespace.validateDatabaseName(db);
    DurableAck.write(context, command, unit -> {
      List<CollectionMetadata> collections = context.engine().catalog().collections(db);
      collections.forEach(unit::dropCollection);
      unit.log(new Operation.DropDatabase(Namespace.of(db, "$cmd")));
      return null;
    });
    return new BsonDocument("dropped", new BsonString(db));
  }
}

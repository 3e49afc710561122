package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.storage.Snapshot;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * {@code collStats} (deprecated in mongod 6.2 for {@code $collStats}, still sent by older tools and as mongosh's
 * fallback): {@code {ns, <storageStats fields>}} for a collection or {@code local.oplog.rs}, with the optional
 * {@code scale}; the same figures as {@link CollectionStats}. Stateless.
 */
public final class CollStatsCommand implements SyncCommand {
  @Override
  public String name() {
    return "collStats";
  }

  @Override
  public List<String> aliases() {
    return List.of("collstats");
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    BsonDocument options = new BsonDocument("scale", new BsonInt32(
        (int) Math.min(CommandArguments.longValue(command, "scale", 1), Integer.MAX_VALUE)));
    try (Snapshot snapshot = context.engine().storage().snapshot()) {
      BsonDocument stats = CollectionStats.of(context.engine(), snapshot, namespace,
          new BsonDocument("storageStats", options));
      BsonDocument reply = new BsonDocument("ns", new BsonString(namespace.fullName()));
      reply.putAll(stats.getDocument("storageStats"));
      return reply;
    }
  }
}

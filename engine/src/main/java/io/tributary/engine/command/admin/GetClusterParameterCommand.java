package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.storage.Snapshot;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code getClusterParameter: "changeStreamOptions" | ["changeStreamOptions"] | "*"} on {@code admin}:
 * {@code {clusterParameters: [{_id: "changeStreamOptions", clusterParameterTime, preAndPostImages:
 * {expireAfterSeconds}}]}} as stored by {@code setClusterParameter} (without {@code clusterParameterTime} while
 * never set). Stateless.
 */
public final class GetClusterParameterCommand implements SyncCommand {
  @Override
  public String name() {
    return "getClusterParameter";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonValue requested = command.get(name());
    List<BsonValue> names = requested.isArray() ? requested.asArray().getValues() : List.of(requested);
    for (BsonValue name : names) {
      boolean known = name.isString() && (ClusterParameters.NAMES.contains(name.asString().getValue())
          || name.asString().getValue().equals("*") && !requested.isArray());
      if (!known) {
        throw ErrorCode.NO_SUCH_KEY.error("Unknown Cluster Parameter " + name);
      }
    }
    Engine engine = context.engine();
    BsonArray parameters = new BsonArray();
    for (String name : ClusterParameters.NAMES) {
      try (Snapshot snapshot = engine.storage().snapshot()) {
        parameters.add(ClusterParameters.stored(engine.catalog(), snapshot, name).orElseGet(() -> {
          BsonDocument unset = new BsonDocument("_id", new BsonString(name));
          unset.putAll(engine.parameters().get(name).asDocument());
          return unset;
        }));
      }
    }
    return new BsonDocument("clusterParameters", parameters);
  }
}

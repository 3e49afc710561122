package io.tributary.engine.command.admin;

import io.tributary.engine.changestream.ImageRetention;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * {@code getClusterParameter: "changeStreamOptions" | ["changeStreamOptions"] | "*"} on {@code admin}:
 * {@code {clusterParameters: [{_id: "changeStreamOptions", preAndPostImages: {expireAfterSeconds}}]}}. Stateless.
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
      boolean known = name.isString() && (name.asString().getValue().equals(ImageRetention.PARAMETER)
          || name.asString().getValue().equals("*") && !requested.isArray());
      if (!known) {
        throw ErrorCode.NO_SUCH_KEY.error("Unknown Cluster Parameter " + name);
      }
    }
    BsonDocument parameter = new BsonDocument("_id", new BsonString(ImageRetention.PARAMETER));
    parameter.putAll(context.engine().parameters().get(ImageRetention.PARAMETER).asDocument());
    return new BsonDocument("clusterParameters", new BsonArray(List.of(parameter)));
  }
}

package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.GenericArguments;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code setParameter}: changes one runtime-settable parameter ({@code {setParameter: 1, logLevel: 1}}) and
 * reports the previous value as {@code was}. Stateless.
 */
public final class SetParameterCommand implements SyncCommand {
  @Override
  public String name() {
    return "setParameter";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Map.Entry<String, BsonValue> parameter = command.entrySet().stream()
        .filter(field -> !field.getKey().equals(name()) && !GenericArguments.isGeneric(field.getKey()))
        .findFirst()
        .orElseThrow(() -> ErrorCode.BAD_VALUE.error("no option found to set, use help:true to see options "));
    BsonValue was = context.engine().parameters().setAtRuntime(parameter.getKey(), parameter.getValue());
    return new BsonDocument("was", was);
  }
}

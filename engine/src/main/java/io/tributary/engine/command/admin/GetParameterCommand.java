package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.GenericArguments;
import io.tributary.engine.command.ServerParameters;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code getParameter}: {@code "*"} (or {@code {allParameters: true}}) for every parameter, otherwise the
 * parameters named as fields; {@code {showDetails: true}} reports {@code {value, settableAtRuntime,
 * settableAtStartup}} per parameter. Fails with {@code InvalidOptions} when none of the named ones exist, as
 * mongod does. Stateless.
 */
public final class GetParameterCommand implements SyncCommand {
  @Override
  public String name() {
    return "getParameter";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    ServerParameters parameters = context.engine().parameters();
    BsonValue mode = command.get(name());
    boolean all = (mode.isString() && mode.asString().getValue().equals("*"))
        || (mode.isDocument() && mode.asDocument().getBoolean("allParameters", BsonBoolean.FALSE).getValue());
    boolean details = mode.isDocument() && mode.asDocument().getBoolean("showDetails", BsonBoolean.FALSE).getValue();
    List<String> names = all ? new ArrayList<>(parameters.all().keySet()) : requested(command, parameters);
    if (names.isEmpty()) {
      throw ErrorCode.INVALID_OPTIONS.error("no option found to get");
    }
    BsonDocument reply = new BsonDocument();
    names.forEach(name -> reply.append(name, details ? details(parameters, name) : parameters.get(name)));
    return reply;
  }

  private List<String> requested(BsonDocument command, ServerParameters parameters) {
    List<String> names = new ArrayList<>();
    for (String field : command.keySet()) {
      if (!field.equals(name()) && !GenericArguments.isGeneric(field) && parameters.get(field) != null) {
        names.add(field);
      }
    }
    return names;
  }

  private static BsonDocument details(ServerParameters parameters, String name) {
    return new BsonDocument("value", parameters.get(name))
        .append("settableAtRuntime", BsonBoolean.valueOf(parameters.settableAtRuntime(name)))
        .append("settableAtStartup", BsonBoolean.valueOf(parameters.settableAtStartup(name)));
  }
}

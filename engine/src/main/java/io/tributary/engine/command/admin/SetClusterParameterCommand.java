package io.tributary.engine.command.admin;

import io.tributary.engine.Engine;
import io.tributary.engine.changestream.ImageRetention;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code setClusterParameter: {changeStreamOptions: {preAndPostImages: {expireAfterSeconds: N | "off"}}}} on
 * {@code admin}: the one cluster parameter Tributary has (the retention of pre- and post-images, see
 * {@link ImageRetention}). The value is stored in {@code config.clusterParameters} ({@link ClusterParameters}),
 * so it survives a restart, and applies at once. Stateless.
 */
public final class SetClusterParameterCommand implements SyncCommand {
  @Override
  public String name() {
    return "setClusterParameter";
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    BsonValue argument = command.get(name());
    if (!argument.isDocument() || argument.asDocument().size() != 1) {
      throw ErrorCode.BAD_VALUE.error("setClusterParameter expects an object with exactly one cluster parameter");
    }
    String parameter = argument.asDocument().getFirstKey();
    if (!ClusterParameters.NAMES.contains(parameter)) {
      throw ErrorCode.NO_SUCH_KEY.error("Unknown Cluster Parameter " + parameter);
    }
    BsonDocument value = validated(argument.asDocument().get(parameter));
    Engine engine = context.engine();
    ClusterParameters.save(engine.writer(), parameter, value, engine.clusterClock().now());
    engine.parameters().setAtRuntime(parameter, value);
    return new BsonDocument();
  }

  /** {@code {preAndPostImages: {expireAfterSeconds: "off" | positive integer}}}, nothing else. */
  private static BsonDocument validated(BsonValue value) {
    BsonValue images = value.isDocument() ? value.asDocument().get("preAndPostImages") : null;
    BsonValue expireAfter = images != null && images.isDocument()
        ? images.asDocument().get("expireAfterSeconds") : null;
    boolean off = expireAfter != null && expireAfter.isString() && expireAfter.asString().getValue().equals("off");
    boolean seconds = expireAfter != null && expireAfter.isNumber() && expireAfter.asNumber().longValue() > 0
        && expireAfter.asNumber().doubleValue() == expireAfter.asNumber().longValue();
    if (!(off || seconds) || value.asDocument().size() != 1 || images.asDocument().size() != 1) {
      throw ErrorCode.BAD_VALUE.error("changeStreamOptions.preAndPostImages.expireAfterSeconds must be 'off' or a"
          + " positive number of seconds: " + value);
    }
    return value.asDocument();
  }
}

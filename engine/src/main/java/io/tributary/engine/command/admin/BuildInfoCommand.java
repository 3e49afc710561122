package io.tributary.engine.command.admin;

import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.ServerLimits;
import io.tributary.engine.command.SyncCommand;
import java.util.List;
import java.util.Locale;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * {@code buildInfo} (alias {@code buildinfo}): the claimed {@link ServerVersion}. Test runners read
 * {@code versionArray} as Int32s and check that {@code modules} lacks {@code enterprise} and that there is no
 * {@code dataLake} field. Stateless.
 */
public final class BuildInfoCommand implements SyncCommand {
  @Override
  public String name() {
    return "buildInfo";
  }

  @Override
  public List<String> aliases() {
    return List.of("buildinfo");
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    String arch = System.getProperty("os.arch");
    return new BsonDocument("version", new BsonString(ServerVersion.VERSION))
        .append("gitVersion", new BsonString("tributary"))
        .append("modules", new BsonArray())
        .append("allocator", new BsonString("system"))
        .append("javascriptEngine", new BsonString("none"))
        .append("sysInfo", new BsonString("deprecated"))
        .append("versionArray", ServerVersion.versionArray())
        .append("openssl", new BsonDocument("running", new BsonString("disabled"))
            .append("compiled", new BsonString("disabled")))
        .append("buildEnvironment", new BsonDocument("target_arch", new BsonString(arch))
            .append("target_os", new BsonString(System.getProperty("os.name").toLowerCase(Locale.ROOT))))
        .append("bits", new BsonInt32(64))
        .append("debug", BsonBoolean.FALSE)
        .append("maxBsonObjectSize", new BsonInt32(ServerLimits.MAX_BSON_OBJECT_SIZE))
        .append("storageEngines", new BsonArray(List.of(new BsonString("inMemory"), new BsonString("rocksdb"))));
  }
}

package io.tributary.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class ServerParametersTest {
  @Test
  void commandLineStringsTakeTheParametersType() {
    ServerParameters parameters = new ServerParameters(Map.of("enableTestCommands", new BsonString("1"),
        "logLevel", new BsonString("2")));

    assertThat(parameters.get("enableTestCommands")).isEqualTo(BsonBoolean.TRUE);
    assertThat(parameters.testCommandsEnabled()).isTrue();
    assertThat(parameters.get("logLevel")).isEqualTo(new BsonInt32(2));
  }

  @Test
  void testCommandsAreOffByDefault() {
    assertThat(new ServerParameters(Map.of()).testCommandsEnabled()).isFalse();
  }

  @Test
  void unknownStartupParametersAreKeptAsGiven() {
    ServerParameters parameters = new ServerParameters(Map.of("maxIndexBuildMemoryUsageMegabytes", new BsonString("1")));

    assertThat(parameters.get("maxIndexBuildMemoryUsageMegabytes")).isEqualTo(new BsonString("1"));
  }

  @Test
  void runtimeChangesReturnThePreviousValue() {
    ServerParameters parameters = new ServerParameters(Map.of());

    assertThat(parameters.setAtRuntime("logLevel", new BsonInt32(3))).isEqualTo(new BsonInt32(0));
    assertThat(parameters.get("logLevel")).isEqualTo(new BsonInt32(3));
  }

  @Test
  void startupOnlyAndUnknownParametersCannotBeSetAtRuntime() {
    ServerParameters parameters = new ServerParameters(Map.of());

    assertThatThrownBy(() -> parameters.setAtRuntime("enableTestCommands", BsonBoolean.TRUE))
        .isInstanceOf(MongoError.class);
    assertThatThrownBy(() -> parameters.setAtRuntime("noSuchParameter", BsonBoolean.TRUE))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(72));
  }
}

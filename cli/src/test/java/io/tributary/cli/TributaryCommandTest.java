package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tributary.server.Tributary;
import io.tributary.server.TributaryServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TributaryCommandTest {
  @Test
  void versionPrintsTheProjectVersion() {
    CommandLine commandLine = TributaryCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));

    int exit = commandLine.execute("--version");

    assertThat(exit).isZero();
    assertThat(out.toString().strip()).matches("tributary \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void serveUsesMongodOptionNamesAndDefaults() {
    CommandLine commandLine = TributaryCommand.commandLine();
    CommandLine.ParseResult parsed = commandLine.parseArgs("serve");
    ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();

    assertThat(serve.port).isEqualTo(27017);
    assertThat(serve.bindIp).isEqualTo("127.0.0.1");
    assertThat(serve.replSet).isEqualTo("rs0");
    assertThat(serve.storageEngine).isEqualTo(ServeCommand.DEFAULT_STORAGE_ENGINE);
  }

  @Test
  void serveStartsAServerThatReportsItsCommandLine() throws Exception {
    CommandLine commandLine = TributaryCommand.commandLine();
    CommandLine.ParseResult parsed = commandLine.parseArgs("serve", "--port", "0", "--storageEngine", "inMemory",
        "--setParameter", "enableTestCommands=1", "--replSet", "rsTest");
    ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();

    try (TributaryServer server = serve.start(); MongoClient client = MongoClients.create(server.connectionString())) {
      BsonDocument options = client.getDatabase("admin").runCommand(BsonDocument.parse("{getCmdLineOpts: 1}"),
          BsonDocument.class);

      assertThat(options.getArray("argv")).extracting(BsonValue::asString).extracting(s -> s.getValue())
          .containsExactly("tributary", "serve", "--port", "0", "--storageEngine", "inMemory", "--setParameter",
              "enableTestCommands=1", "--replSet", "rsTest");
      BsonDocument parsedOptions = options.getDocument("parsed");
      assertThat(parsedOptions.getDocument("setParameter").getString("enableTestCommands").getValue())
          .isEqualTo("1");
      assertThat(parsedOptions.getDocument("replication").getString("replSet").getValue()).isEqualTo("rsTest");
    }
  }

  @Test
  void serveReportsADataDirectoryInUseInOneLine(@TempDir Path dbPath) throws Exception {
    try (TributaryServer running = Tributary.builder().dataDirectory(dbPath).port(0).start();
        CliProcess serve = CliProcess.start("serve", "--port", "0", "--dbpath", dbPath.toString())) {
      assertThat(serve.exitCode()).isEqualTo(1);
      assertThat(serve.allErr()).singleElement().asString().startsWith("tributary serve: ").contains("in use");
    }
  }

  @Test
  void serveReportsAPortInUseInOneLine() throws Exception {
    try (TributaryServer running = Tributary.builder().inMemory().port(0).start();
        CliProcess serve = CliProcess.start("serve", "--port", String.valueOf(running.port()), "--storageEngine",
            "inMemory")) {
      assertThat(serve.exitCode()).isEqualTo(1);
      assertThat(serve.allErr()).singleElement().asString().startsWith("tributary serve: cannot listen on ");
    }
  }
}

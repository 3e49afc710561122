package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The pure parts of {@code watch}: targets, backoff, the token file. */
class WatchPartsTest {
  @Test
  void targetsAreACollectionADatabaseOrTheDeployment() {
    assertThat(WatchTarget.parse("shop.orders")).isEqualTo(new WatchTarget("shop", "orders"));
    assertThat(WatchTarget.parse("shop.orders.archive")).isEqualTo(new WatchTarget("shop", "orders.archive"));
    assertThat(WatchTarget.parse("shop")).isEqualTo(new WatchTarget("shop", null));
    assertThat(WatchTarget.parse("")).isEqualTo(WatchTarget.DEPLOYMENT);
    assertThatThrownBy(() -> WatchTarget.parse(".orders")).hasMessageContaining("not a namespace");
    assertThatThrownBy(() -> WatchTarget.parse("shop.")).hasMessageContaining("not a namespace");
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(8)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theTokenFileHoldsTheLastSavedTokenAndNoTemporaryFile(@TempDir Path directory) throws Exception {
    ResumeTokenFile file = new ResumeTokenFile(directory.resolve("token.json"));
    assertThat(file.load()).isEmpty();

    file.save(BsonDocument.parse("{_data: '8201'}"));
    file.save(BsonDocument.parse("{_data: '8202'}"));

    assertThat(file.load()).contains(BsonDocument.parse("{_data: '8202'}"));
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(directory.resolve("token.json"));
    }
  }

  @Test
  void aFileWithoutATokenIsReportedInOneLine(@TempDir Path directory) throws Exception {
    Path tokenFile = directory.resolve("token.json");
    Files.writeString(tokenFile, "not json");
    CommandLine commandLine = TributaryCommand.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err));

    int exit = commandLine.execute("watch", "--resume-token-file", tokenFile.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("watch: " + tokenFile + " does not hold a resume token");
  }
}

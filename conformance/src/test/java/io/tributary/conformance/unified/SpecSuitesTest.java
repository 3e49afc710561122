package io.tributary.conformance.unified;

import io.tributary.conformance.SharedServer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official unified-format spec suites (change streams, CRUD, retryable writes, sessions) run
 * against the shared server; afterwards {@code docs/COMPATIBILITY.md} is regenerated, and with
 * {@code -Dconformance.updateExpected=true} so is {@code expected-pass.txt}.
 */
@ExtendWith(SharedServer.class)
class SpecSuitesTest {

  /** suite name → folder under shared/specs. */
  private static final List<String[]> SUITES = List.of(
      new String[] {"change-streams", "change-streams/tests/unified"},
      new String[] {"crud", "crud/tests/unified"},
      new String[] {"retryable-writes", "retryable-writes/tests/unified"},
      new String[] {"sessions", "sessions/tests"});

  private static ConformanceRun run;

  @BeforeAll
  static void connect() {
    run = ConformanceRun.open(SharedServer.connectionString());
  }

  @TestFactory
  Stream<DynamicContainer> specifications() {
    return SUITES.stream().map(suite -> run.suite(suite[0], suite[1], false));
  }

  @AfterAll
  static void report() {
    if (run == null) {
      return;
    }
    try {
      if (!run.filtered()) {
        CompatibilityReport.write(SpecLocation.projectRoot().resolve("docs/COMPATIBILITY.md"), run.outcomes(),
            run.server());
      }
      run.updateExpectedIfAsked(SUITES.stream().map(suite -> suite[0]).toList());
    } finally {
      run.writeOutcomes("spec-suites");
      run.close();
    }
  }
}

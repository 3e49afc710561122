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
 * The unified test format's own tests of a runner: every applicable {@code valid-pass} test must
 * pass (gated by the expected-pass list, since some also exercise the server) and every applicable
 * {@code valid-fail} test must be rejected.
 */
@ExtendWith(SharedServer.class)
class RunnerSelfTest {

  private static final String VALID_PASS = "unified-test-format/valid-pass";
  private static ConformanceRun run;

  @BeforeAll
  static void connect() {
    run = ConformanceRun.open(SharedServer.connectionString());
  }

  @TestFactory
  Stream<DynamicContainer> validPass() {
    return Stream.of(run.suite(VALID_PASS, "unified-test-format/tests/valid-pass", false));
  }

  @TestFactory
  Stream<DynamicContainer> validFail() {
    return Stream.of(run.suite("unified-test-format/valid-fail", "unified-test-format/tests/valid-fail", true));
  }

  @AfterAll
  static void close() {
    if (run != null) {
      run.updateExpectedIfAsked(List.of(VALID_PASS));
      run.writeOutcomes("runner-self-test");
      run.close();
    }
  }
}

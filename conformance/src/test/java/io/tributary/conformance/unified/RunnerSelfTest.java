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
 * pass and every applicable {@code valid-fail} test must be rejected. Both are gated by the
 * expected-pass list like the spec suites, because both also exercise the server (a server that
 * ignores an unknown query operator makes a valid-fail test pass).
 */
@ExtendWith(SharedServer.class)
class RunnerSelfTest {

  private static final String VALID_PASS = "unified-test-format/valid-pass";
  private static final String VALID_FAIL = "unified-test-format/valid-fail";
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
    return Stream.of(run.suite(VALID_FAIL, "unified-test-format/tests/valid-fail", true));
  }

  @AfterAll
  static void close() {
    if (run != null) {
      run.updateExpectedIfAsked(List.of(VALID_PASS, VALID_FAIL));
      run.writeOutcomes("runner-self-test");
      run.close();
    }
  }
}

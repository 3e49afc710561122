package io.tributary.conformance.unified;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Turns spec folders into JUnit dynamic tests (one per spec test, named {@code file: description})
 * and records each outcome. A skip is reported as an aborted test with its reason. A failure fails
 * the build only for tests on the expected-pass list (a regression, if a second run fails too), or
 * always with {@code -Dconformance.strict=true}; other failures are aborted with the failure as the
 * message and counted in the report. {@code -Dconformance.filter=<regex>} runs only matching tests (and then
 * writes no report). Thread-safe recording; tests run one at a time.
 */
public final class ConformanceRun implements AutoCloseable {

  private final MongoClient internalClient;
  private final UnifiedTestRunner runner;
  private final SkipList skips;
  private final ExpectedPassList expected;
  private final List<TestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private final Pattern filter;

  private ConformanceRun(String connectionString) {
    this.internalClient = MongoClients.create(connectionString);
    this.runner = new UnifiedTestRunner(internalClient, connectionString,
        ServerProfile.probe(command -> internalClient.getDatabase("admin").runCommand(command,
            org.bson.BsonDocument.class)));
    Path resources = SpecLocation.projectRoot().resolve("conformance/src/test/resources");
    this.skips = SkipList.load(resources.resolve("skips.txt"));
    this.expected = ExpectedPassList.load(resources.resolve("expected-pass.txt"));
    String pattern = System.getProperty("conformance.filter");
    this.filter = pattern == null || pattern.isBlank() ? null : Pattern.compile(pattern);
    runner.killAllSessions();
  }

  public static ConformanceRun open(String connectionString) {
    return new ConformanceRun(connectionString);
  }

  public ServerProfile server() {
    return runner.profile();
  }

  public boolean filtered() {
    return filter != null;
  }

  public List<TestOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** A container per file of {@code folder} (relative to shared/specs), holding a test per spec test. */
  public DynamicContainer suite(String suite, String folder, boolean mustFail) {
    Stream<DynamicNode> files = SpecFile.loadAll(suite, SpecLocation.specsRoot().resolve(folder)).stream()
        .filter(file -> file.document().containsKey("schemaVersion"))
        .map(file -> DynamicContainer.dynamicContainer(file.name(), file.tests().stream()
            .filter(test -> filter == null || filter.matcher(test.key()).find())
            .map(test -> DynamicTest.dynamicTest(test.displayName(),
                () -> { if (mustFail) { expectFailure(test); } else { expectPass(test); } }))));
    return DynamicContainer.dynamicContainer(suite, files);
  }

  private void expectPass(SpecTest test) throws Throwable {
    skipIfNeeded(test);
    try {
      runner.run(test);
      outcomes.add(new TestOutcome(test, TestOutcome.Status.PASSED, ""));
    } catch (Exception | AssertionError failure) {
      if (expected.contains(test) && passesOnRetry(test, failure)) {
        return;
      }
      outcomes.add(new TestOutcome(test, TestOutcome.Status.FAILED, TestOutcome.describe(failure)));
      if (expected.contains(test) || Boolean.getBoolean("conformance.strict")) {
        throw failure;
      }
      throw new TestAbortedException("not yet passing (not on expected-pass.txt): "
          + TestOutcome.describe(failure), failure);
    }
  }

  /**
   * A listed test that fails once is run again from scratch before it fails the build; passing then,
   * it is recorded as passed with the first failure as its detail, and the report lists it as flaky.
   */
  private boolean passesOnRetry(SpecTest test, Throwable firstFailure) {
    try {
      runner.run(test);
    } catch (Exception | AssertionError again) {
      return false;
    }
    outcomes.add(new TestOutcome(test, TestOutcome.Status.PASSED, "flaky, passed on retry after: "
        + TestOutcome.describe(firstFailure)));
    return true;
  }

  /** A valid-fail test passes when the runner rejects it. */
  private void expectFailure(SpecTest test) {
    skipIfNeeded(test);
    try {
      runner.run(test);
    } catch (SetupFailed setup) {
      outcomes.add(new TestOutcome(test, TestOutcome.Status.FAILED, TestOutcome.describe(setup)));
      throw new TestAbortedException("not evaluated: " + TestOutcome.describe(setup), setup);
    } catch (Exception | AssertionError rejected) {
      outcomes.add(new TestOutcome(test, TestOutcome.Status.PASSED, TestOutcome.describe(rejected)));
      return;
    }
    outcomes.add(new TestOutcome(test, TestOutcome.Status.FAILED, "the runner accepted an invalid test"));
    if (expected.contains(test) || Boolean.getBoolean("conformance.strict")) {
      throw new AssertionError("the runner accepted the invalid test " + test.key());
    }
    throw new TestAbortedException("not yet rejected (not on expected-pass.txt): the runner accepted " + test.key());
  }

  private void skipIfNeeded(SpecTest test) {
    Optional<String> reason = runner.formatSkip(test).or(() -> skips.reason(test));
    if (reason.isPresent()) {
      outcomes.add(new TestOutcome(test, TestOutcome.Status.SKIPPED, reason.get()));
      Assumptions.abort(reason.get());
    }
  }

  /** With {@code -Dconformance.updateExpected=true}, rewrites the expected-pass entries of these suites. */
  public void updateExpectedIfAsked(List<String> suites) {
    if (Boolean.getBoolean("conformance.updateExpected") && !filtered()) {
      expected.rewrite(suites, outcomes().stream().filter(o -> o.status() == TestOutcome.Status.PASSED)
          .map(o -> o.test().key()).toList());
    }
  }

  /** Writes every outcome, one per line, to {@code conformance/target/conformance/<name>.txt} for reading. */
  public void writeOutcomes(String name) {
    Path file = SpecLocation.projectRoot().resolve("conformance/target/conformance").resolve(name + ".txt");
    try {
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, outcomes().stream()
          .map(o -> o.status() + " | " + o.test().key() + " | " + o.detail()).toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    internalClient.close();
  }
}

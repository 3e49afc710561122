package io.tributary.conformance.unified;

import org.bson.BsonArray;
import org.bson.BsonDocument;

/**
 * One test case of a {@link SpecFile}. Its {@link #key()} ({@code suite/file: description}) names it
 * in the skip list, the expected-pass list and the report. Immutable.
 */
public record SpecTest(SpecFile file, String description, BsonDocument document) {

  /** {@code file: description}, the name of the JUnit dynamic test. */
  public String displayName() {
    return file.name() + ": " + description;
  }

  /** {@code suite/file: description}, unique across all suites. */
  public String key() {
    return file.suite() + "/" + displayName();
  }

  public BsonArray runOnRequirements() {
    return document.getArray("runOnRequirements", new BsonArray());
  }

  public String skipReason() {
    return document.containsKey("skipReason") ? document.getString("skipReason").getValue() : null;
  }
}

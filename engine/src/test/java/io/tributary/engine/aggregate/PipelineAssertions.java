package io.tributary.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Namespace;
import io.tributary.engine.error.MongoError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;

/** Runs pipelines written in relaxed JSON over documents, for the stage tests. */
final class PipelineAssertions {
  private PipelineAssertions() {}

  /** A context with fixed time and in-memory collections of the "test" database. */
  static class TestContext implements PipelineContext {
    private final Map<Namespace, List<BsonDocument>> collections = new HashMap<>();
    private BsonDocument let = new BsonDocument();

    TestContext with(String collection, String documents) {
      collections.put(new Namespace("test", collection), documents(documents));
      return this;
    }

    TestContext let(String variables) {
      let = BsonDocument.parse(variables);
      return this;
    }

    @Override
    public String database() {
      return "test";
    }

    @Override
    public Iterable<BsonDocument> scan(Namespace namespace) {
      return collections.getOrDefault(namespace, List.of());
    }

    @Override
    public BsonDateTime now() {
      return new BsonDateTime(1_700_000_000_000L);
    }

    @Override
    public BsonTimestamp clusterTime() {
      return new BsonTimestamp(1_700_000_000, 1);
    }

    @Override
    public BsonDocument let() {
      return let;
    }
  }

  static List<BsonDocument> documents(String array) {
    List<BsonDocument> documents = new ArrayList<>();
    for (BsonValue value : BsonArray.parse(array)) {
      documents.add(value.asDocument());
    }
    return documents;
  }

  static List<BsonDocument> run(String pipeline, String input, PipelineContext context) {
    Pipeline parsed = Pipeline.parse(documents(pipeline), context);
    List<BsonDocument> output = new ArrayList<>();
    Iterator<BsonDocument> results = parsed.run(documents(input).iterator(), context);
    results.forEachRemaining(output::add);
    return output;
  }

  static List<BsonDocument> run(String pipeline, String input) {
    return run(pipeline, input, new TestContext());
  }

  static void assertOutput(String pipeline, String input, String expected) {
    assertThat(run(pipeline, input)).as(pipeline).containsExactlyElementsOf(documents(expected));
  }

  static String assertFails(String pipeline, String input, int code) {
    MongoError[] error = new MongoError[1];
    assertThatThrownBy(() -> run(pipeline, input)).as(pipeline)
        .isInstanceOfSatisfying(MongoError.class, e -> error[0] = e);
    assertThat(error[0].code().code()).as(pipeline + ": " + error[0].getMessage()).isEqualTo(code);
    return error[0].getMessage();
  }
}

package io.tributary.conformance.unified;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Loading the official spec files, and the skip list and connection-string plumbing around them. */
class SpecFilesTest {

  @Test
  void everyUnifiedFileOfTheSuitesLoadsWithASupportedSchema() {
    Path specs = SpecLocation.specsRoot();
    for (String folder : List.of("change-streams/tests/unified", "crud/tests/unified",
        "retryable-writes/tests/unified", "sessions/tests", "unified-test-format/tests/valid-pass")) {
      List<SpecFile> files = SpecFile.loadAll("suite", specs.resolve(folder));
      assertThat(files).as(folder).isNotEmpty();
      assertThat(files).allSatisfy(file -> {
        assertThat(file.schemaSupported()).as(file.name()).isTrue();
        assertThat(file.tests()).as(file.name()).isNotEmpty();
      });
    }
  }

  @Test
  void aNewerSchemaVersionIsNotSupported() {
    SpecFile file = new SpecFile("s", "f", BsonDocument.parse("{schemaVersion: '1.29', tests: []}"));
    assertThat(file.schemaSupported()).isFalse();
    assertThat(new SpecFile("s", "f", BsonDocument.parse("{schemaVersion: '2.0', tests: []}")).schemaSupported())
        .isFalse();
  }

  @Test
  void duplicateDescriptionsGetANumberSoKeysStayUnique() {
    SpecFile file = new SpecFile("crud", "f", BsonDocument.parse(
        "{schemaVersion: '1.0', tests: [{description: 'a'}, {description: 'a'}]}"));
    assertThat(file.tests()).extracting(SpecTest::key).containsExactly("crud/f: a", "crud/f: a (2)");
  }

  @Test
  void skipListMatchesWholeKeysOrPrefixes() {
    SkipList skips = SkipList.parse(List.of("# comment", "", "crud/f: a | because", "crud/g: * | whole file",
        "crud/*-raw: * | a family"));
    SpecFile f = new SpecFile("crud", "f", BsonDocument.parse("{schemaVersion: '1.0', tests: [{description: 'a'},"
        + " {description: 'b'}]}"));
    SpecFile g = new SpecFile("crud", "g", BsonDocument.parse("{schemaVersion: '1.0', tests: [{description: 'x'}]}"));
    assertThat(skips.reason(f.tests().get(0))).contains("because");
    assertThat(skips.reason(f.tests().get(1))).isEmpty();
    assertThat(skips.reason(g.tests().get(0))).contains("whole file");
    SpecFile raw = new SpecFile("crud", "find-raw", BsonDocument.parse("{schemaVersion: '1.0', tests: [{description: 'x'}]}"));
    assertThat(skips.reason(raw.tests().get(0))).contains("a family");
    assertThatThrownBy(() -> SkipList.parse(List.of("no reason"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProjectSkipListParses() {
    SkipList.load(SpecLocation.projectRoot().resolve("conformance/src/test/resources/skips.txt"));
  }

  @Test
  void uriOptionsAreAddedAndOverrideTheConnectionString() {
    assertThat(EntityFactory.withOptions("mongodb://127.0.0.1:1", BsonDocument.parse("{retryWrites: false}")))
        .isEqualTo("mongodb://127.0.0.1:1/?retryWrites=false");
    assertThat(EntityFactory.withOptions("mongodb://h:1/?replicaSet=rs0&w=1",
        BsonDocument.parse("{w: 'majority', heartbeatFrequencyMS: 500}")))
        .isEqualTo("mongodb://h:1/?replicaSet=rs0&w=majority&heartbeatFrequencyMS=500");
  }
}

package io.tributary.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.BsonArbitraries;
import io.tributary.engine.bson.FieldPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/** Laws of find projections over generated documents: what inclusion keeps, what exclusion drops, no mutation. */
class ProjectionLawsTest {

  @Provide
  Arbitrary<BsonDocument> documents() {
    return BsonArbitraries.documents(2).map(document -> {
      document.put("_id", new BsonInt32(7));
      return document;
    });
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of("a", "b", "ab", "a.b", "a.c", "b.a.c");
  }

  @Property(tries = 500)
  void inclusionKeepsTheIdAndOnlyTheIncludedTopLevelField(@ForAll("documents") BsonDocument document,
      @ForAll("paths") String path) {
    BsonDocument copy = document.clone();
    BsonDocument projected = Projection.parse(new BsonDocument(path, new BsonInt32(1)))
        .apply(document, MatchResult.MATCH);
    String top = FieldPath.parse(path).part(0);
    assertThat(projected.keySet()).isSubsetOf("_id", top);
    assertThat(projected.get("_id")).isEqualTo(document.get("_id"));
    if (!path.contains(".") && document.containsKey(path)) {
      assertThat(projected.get(path)).isEqualTo(document.get(path));
    }
    assertThat(document).isEqualTo(copy);
  }

  @Property(tries = 500)
  void exclusionDropsTheFieldAndKeepsEveryOtherTopLevelField(@ForAll("documents") BsonDocument document,
      @ForAll("paths") String path) {
    BsonDocument copy = document.clone();
    BsonDocument projected = Projection.parse(new BsonDocument(path, new BsonInt32(0)))
        .apply(document, MatchResult.MATCH);
    String top = FieldPath.parse(path).part(0);
    document.forEach((name, value) -> {
      if (!name.equals(top)) {
        assertThat(projected.get(name)).isEqualTo(value);
      }
    });
    if (!path.contains(".")) {
      assertThat(projected).doesNotContainKey(path);
    }
    assertThat(FieldPath.parse(path).get(projected)).isNull();
    assertThat(document).isEqualTo(copy);
  }
}

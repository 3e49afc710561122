package io.tributary.engine.bson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class FieldPathTest {
  private final BsonDocument document = BsonDocument.parse(
      "{a: [{b: 1}, {b: [2, 3]}, {c: 4}, 5], d: {e: {f: 6}}, g: [[{b: 7}]]}");

  @Test
  void getFollowsDocumentsAndArrayIndexesOnly() {
    assertThat(FieldPath.parse("d.e.f").get(document)).isEqualTo(new BsonInt32(6));
    assertThat(FieldPath.parse("a.1.b.0").get(document)).isEqualTo(new BsonInt32(2));
    assertThat(FieldPath.parse("a.b").get(document)).isNull();
    assertThat(FieldPath.parse("a.01").get(document)).isNull();
  }

  @Test
  void visitTraversesArraysAndExpandsLeafArrays() {
    List<String> seen = new ArrayList<>();
    FieldPath.parse("a.b").visit(document, true, (value, position) -> {
      seen.add((value == null ? "missing" : value.toString()) + "@" + position);
      return false;
    });
    assertThat(seen).containsExactly("BsonInt32{value=1}@0", "BsonArray{values=[BsonInt32{value=2}, "
        + "BsonInt32{value=3}]}@1", "BsonInt32{value=2}@1", "BsonInt32{value=3}@1", "missing@2");
  }

  @Test
  void visitReportsOneMissingValueWhenNothingIsFound() {
    List<BsonValue> seen = new ArrayList<>();
    FieldPath.parse("x.y").visit(document, true, (value, position) -> seen.add(value) && false);
    assertThat(seen).containsExactly((BsonValue) null);
  }

  @Test
  void valuesReplaceLeafArraysByTheirElements() {
    assertThat(FieldPath.parse("a.b").values(document))
        .containsExactly(new BsonInt32(1), new BsonInt32(2), new BsonInt32(3));
    assertThat(FieldPath.parse("g").values(document)).containsExactly(BsonArray.parse("[{b: 7}]"));
    assertThat(FieldPath.parse("x").values(document)).isEmpty();
  }

  @Test
  void visitDoesNotDescendIntoNestedArraysByName() {
    assertThat(FieldPath.parse("g.b").values(document)).isEmpty();
    assertThat(FieldPath.parse("g.0.0.b").values(document)).containsExactly(new BsonInt32(7));
  }

  @Test
  void resolveMapsArraysLikeAggregationFieldPaths() {
    assertThat(FieldPath.parse("a.b").resolve(document))
        .isEqualTo(BsonArray.parse("[1, [2, 3]]"));
    assertThat(FieldPath.parse("g.b").resolve(document)).isEqualTo(new BsonArray());
    assertThat(FieldPath.parse("d.x").resolve(document)).isNull();
  }

  @Test
  void prefixesAndIndexes() {
    assertThat(FieldPath.parse("a").isPrefixOf(FieldPath.parse("a.b"))).isTrue();
    assertThat(FieldPath.parse("a.b").isPrefixOf(FieldPath.parse("a"))).isFalse();
    assertThat(FieldPath.isArrayIndex("10")).isTrue();
    assertThat(FieldPath.isArrayIndex("-1")).isFalse();
    assertThat(FieldPath.parse("a.b.c").suffix(1).toString()).isEqualTo("b.c");
  }
}

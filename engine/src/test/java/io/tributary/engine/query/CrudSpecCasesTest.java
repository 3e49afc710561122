package io.tributary.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter and projection cases ported from the CRUD unified spec tests ({@code specs/crud/tests/unified}): the
 * filter applied to the test's initial data must select exactly the expected documents, projected as
 * expected. Sort, skip and limit belong to the find command and are left out.
 */
class CrudSpecCasesTest {
  private static final String SIX = "[{_id: 1, x: 11}, {_id: 2, x: 22}, {_id: 3, x: 33}, {_id: 4, x: 44},"
      + " {_id: 5, x: 55}, {_id: 6, x: 66}]";
  private static final String THREE = "[{_id: 1, x: 11}, {_id: 2, x: 22}, {_id: 3, x: 33}]";
  private static final String NULL_IDS = "[{_id: null}, {_id: 1}, {x: 1}]";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("find.json: Find with filter", SIX, "{_id: 1}", "{}", "[{_id: 1, x: 11}]"),
        Arguments.of("find.json: multiple batches", SIX, "{_id: {$gt: 1}}", "{}",
            "[{_id: 2, x: 22}, {_id: 3, x: 33}, {_id: 4, x: 44}, {_id: 5, x: 55}, {_id: 6, x: 66}]"),
        Arguments.of("find-comment.json: projection", SIX, "{_id: 1}", "{_id: 1}", "[{_id: 1}]"),
        Arguments.of("count.json: countDocuments with filter", THREE, "{_id: {$gt: 1}}", "{}",
            "[{_id: 2, x: 22}, {_id: 3, x: 33}]"),
        Arguments.of("deleteMany.json: no match", THREE, "{_id: 4}", "{}", "[]"),
        Arguments.of("findOneAndDelete.json: projection", THREE, "{_id: 2}", "{x: 1, _id: 0}", "[{x: 22}]"),
        Arguments.of("findOneAndUpdate.json: projection", THREE, "{_id: {$gt: 1}}", "{x: 1, _id: 0}",
            "[{x: 22}, {x: 33}]"),
        Arguments.of("create-null-ids.json: $type null", NULL_IDS, "{_id: {$type: 'null'}}", "{}",
            "[{_id: null}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void selectsAndProjectsAsTheSpecExpects(String name, String data, String filter, String projection,
      String expected) {
    Matcher matcher = Matcher.compile(BsonDocument.parse(filter));
    Projection project = Projection.parse(BsonDocument.parse(projection));
    List<BsonValue> actual = BsonArray.parse(data).stream()
        .map(BsonValue::asDocument)
        .filter(matcher::matches)
        .map(document -> (BsonValue) project.apply(document, matcher.match(document)))
        .toList();
    assertThat(actual).isEqualTo(BsonArray.parse(expected).getValues());
  }
}

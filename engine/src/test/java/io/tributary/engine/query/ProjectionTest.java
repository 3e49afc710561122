package io.tributary.engine.query;

import static io.tributary.engine.query.QueryAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionTest {
  private static final String DOCUMENT =
      "{_id: 1, a: 1, b: {c: 2, d: 3}, e: [{f: 1, g: 2}, {f: 3}, 4, [{f: 5}]], s: [1, 2, 3, 4, 5]}";

  static BsonDocument project(String spec, String document) {
    BsonDocument parsed = BsonDocument.parse(document);
    return Projection.parse(BsonDocument.parse(spec)).apply(parsed, MatchResult.MATCH);
  }

  static void rejects(String spec, int code, String message) {
    assertFails(() -> Projection.parse(BsonDocument.parse(spec)), code, message);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{}                         | " + DOCUMENT,
      "{a: 1}                     | {_id: 1, a: 1}",
      "{a: true, _id: 0}          | {a: 1}",
      "{_id: 0} | {a: 1, b: {c: 2, d: 3}, e: [{f: 1, g: 2}, {f: 3}, 4, [{f: 5}]], s: [1, 2, 3, 4, 5]}",
      "{b: 0, e: 0, s: 0}         | {_id: 1, a: 1}",
      "{'b.c': 1}                 | {_id: 1, b: {c: 2}}",
      "{b: {c: 1}}                | {_id: 1, b: {c: 2}}",
      "{'b.c': 0, e: 0, s: 0}     | {_id: 1, a: 1, b: {d: 3}}",
      "{'e.f': 1, _id: 0}         | {e: [{f: 1}, {f: 3}, [{f: 5}]]}",
      "{'e.f': 0, b: 0, s: 0}     | {_id: 1, a: 1, e: [{g: 2}, {}, 4, [{}]]}",
      "{'a.x': 1, _id: 0}         | {}",
      "{s: {$slice: 2}, _id: 0, a: 0, b: 0, e: 0} | {s: [1, 2]}",
      "{s: {$slice: -2}, a: 1, _id: 0}            | {a: 1, s: [4, 5]}",
      "{s: {$slice: [1, 2]}, a: 1, _id: 0}        | {a: 1, s: [2, 3]}",
      "{s: {$slice: [-2, 5]}, a: 1, _id: 0}       | {a: 1, s: [4, 5]}",
      "{s: {$slice: [9, 1]}, a: 1, _id: 0}        | {a: 1, s: []}",
      "{a: {$slice: 1}, s: 1, _id: 0}             | {a: 1, s: [1, 2, 3, 4, 5]}",
      "{e: {$elemMatch: {f: 3}}}                  | {_id: 1, e: [{f: 3}]}",
      "{e: {$elemMatch: {f: 9}}}                  | {_id: 1}",
      "{e: {$elemMatch: {f: {$gte: 1}}}, a: 1}    | {_id: 1, a: 1, e: [{f: 1, g: 2}]}",
      "{x: '$b.c', _id: 0}                        | {x: 2}",
      "{x: 'lit', a: 1, _id: 0}                   | {a: 1, x: 'lit'}",
      "{x: '$nope', _id: 0}                       | {}",
      "{x: ['$a', '$nope'], _id: 0}               | {x: [1, null]}",
      "{'y.z': '$a', _id: 0}                      | {y: {z: 1}}",
      "{x: {y: '$a'}, _id: 0}                     | {x: {y: 1}}",
      "{x: null, _id: 0}                          | {x: null}",
      "{x: '$e.f', _id: 0}                        | {x: [1, 3]}",
      "{_id: 1}                                   | {_id: 1}",
      "{x: {$add: ['$a', 1]}, _id: 0}             | {x: 2}",
      "{x: {$literal: 1}, a: 1}                   | {_id: 1, a: 1, x: 1}",
      "{s: {$slice: ['$s', 2]}, _id: 0}           | {s: [1, 2]}",
      "{'b.x': {$add: ['$b.c', '$b.d']}, _id: 0}  | {b: {x: 5}}",
      "{_id: 1, b: 0, e: 0, s: 0}                 | {_id: 1, a: 1}",
      "{_id: 0, s: {$slice: 1}, a: 0, b: 0, e: 0} | {s: [1]}",
      "{_id: 1, s: {$slice: 1}}                   | {_id: 1, s: [1]}",
      "{_id: 0, e: {$elemMatch: {f: 3}}}          | {e: [{f: 3}]}",
  })
  void projectsLikeMongod(String spec, String expected) {
    assertThat(project(spec, DOCUMENT)).isEqualTo(BsonDocument.parse(expected));
  }

  @Test
  void keepsIncludedFieldsInDocumentOrder() {
    BsonDocument projected = project("{b: 1, a: 1}", DOCUMENT);
    assertThat(projected.keySet()).containsExactly("_id", "a", "b");
  }

  @Test
  void positionalTakesTheMatchedElement() {
    BsonDocument document = BsonDocument.parse(DOCUMENT);
    MatchResult match = Matcher.compile(BsonDocument.parse("{'e.f': 3}")).match(document);
    Projection projection = Projection.parse(BsonDocument.parse("{'e.$': 1}"));
    assertThat(projection.apply(document, match)).isEqualTo(BsonDocument.parse("{_id: 1, e: [{f: 3}]}"));
  }

  @Test
  void positionalKeepsTheWholeElementOfTheFirstArrayAndSkipsScalars() {
    BsonDocument document = BsonDocument.parse("{_id: 1, a: [{b: 1, c: 1}, {b: 2, c: 2}], d: {e: [5, 6]}, f: 3}");
    assertThat(positional("{'a.b': 2}", "{'a.b.$': 1}", document))
        .isEqualTo(BsonDocument.parse("{_id: 1, a: [{b: 2, c: 2}]}"));
    assertThat(positional("{'d.e': 6}", "{'d.e.$': 1}", document))
        .isEqualTo(BsonDocument.parse("{_id: 1, d: {e: [6]}}"));
    assertThat(positional("{f: 3}", "{'f.$': 1}", document)).isEqualTo(BsonDocument.parse("{_id: 1}"));
  }

  private static BsonDocument positional(String filter, String projection, BsonDocument document) {
    MatchResult match = Matcher.compile(BsonDocument.parse(filter)).match(document);
    return Projection.parse(BsonDocument.parse(projection)).apply(document, match);
  }

  @Test
  void positionalNeedsAMatchedPosition() {
    Projection projection = Projection.parse(BsonDocument.parse("{'s.$': 1}"));
    assertFails(() -> projection.apply(BsonDocument.parse(DOCUMENT), MatchResult.MATCH), 51246);
  }

  @Test
  void rejectsMixedStyles() {
    rejects("{a: 1, b: 0}", 31254, "Cannot do exclusion on field b in inclusion projection");
    rejects("{a: 0, b: 1}", 31253, "Cannot do inclusion on field b in exclusion projection");
    rejects("{b: {c: 1, d: 0}}", 31254, "Cannot do exclusion on field d in inclusion projection");
    rejects("{a: 0, b: '$a'}", 31310, "Cannot use an expression b: \"$a\" in an exclusion projection");
    rejects("{a: 0, b: {$literal: 1}}", 31252, "Cannot use expression other than $meta in exclusion projection");
  }

  @Test
  void rejectsPathCollisions() {
    rejects("{a: 1, 'a.b': 1}", 31249, "Path collision at a.b remaining portion b");
    rejects("{'a.b': 1, a: 1}", 31250, "Path collision at a");
  }

  @Test
  void rejectsMalformedOperators() {
    rejects("{s: {$slice: 5.5, x: 1}}", 16410,
        "FieldPath field names may not start with '$'. Consider using $getField or $setField.");
    rejects("{s: {$slice: 'x'}}", 31273, "$slice only supports numbers and [skip, limit] arrays");
    rejects("{'e.f': {$elemMatch: {f: 1}}}", 31275, "Cannot use $elemMatch projection on a nested field.");
    rejects("{'s.$': 1, 'a.$': 1}", 31276, "Cannot specify more than one positional projection per query.");
    rejects("{'s.$': {$slice: 1}}", 31271, "positional projection cannot be used with an expression or sub object");
    rejects("{'s.$': 0}", 31395, "positional projection cannot be used with exclusion");
    rejects("{'s.$': 'x'}", 31308, "positional projection cannot be used with a literal");
    rejects("{a: {}}", 51270, "Invalid empty sub-projection: a");
    rejects("{a: {$foo: 1}}", 31325, "Unknown expression $foo");
    rejects("{a: {$meta: 'textScore'}}", 40218, "query requires text score metadata, but it is not available");
    rejects("{a: {$meta: 'nope'}}", 17308, "Unsupported argument to $meta: nope");
    rejects("{'$a': 1}", 16410, "FieldPath field names may not start with '$'. Consider using $getField or $setField.");
  }
}

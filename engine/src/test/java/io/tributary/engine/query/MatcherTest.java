package io.tributary.engine.query;

import static io.tributary.engine.query.QueryAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.expression.SystemVariables;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherTest {

  static boolean matches(String filter, String document) {
    return Matcher.compile(BsonDocument.parse(filter)).matches(BsonDocument.parse(document));
  }

  static int position(String filter, String document) {
    MatchResult result = Matcher.compile(BsonDocument.parse(filter)).match(BsonDocument.parse(document));
    assertThat(result.matched()).isTrue();
    return result.arrayPosition();
  }

  static void rejects(String filter, int code, String message) {
    assertFails(() -> Matcher.compile(BsonDocument.parse(filter)), code, message);
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "{}                              | {a: 1}                       | true",
      "{a: 1}                          | {a: 1.0}                     | true",
      "{a: 1}                          | {a: NumberLong(1)}           | true",
      "{a: 1}                          | {a: NumberDecimal('1.00')}   | true",
      "{a: 1}                          | {a: '1'}                     | false",
      "{a: 1}                          | {a: [3, 1]}                  | true",
      "{a: [1, 2]}                     | {a: [1, 2]}                  | true",
      "{a: [1, 2]}                     | {a: [2, 1]}                  | false",
      "{a: [1, 2]}                     | {a: [[1, 2], 3]}             | true",
      "{a: 1}                          | {a: [[1]]}                   | false",
      "{'a.b': 1}                      | {a: [{b: 2}, {b: 1}]}        | true",
      "{'a.b': 1}                      | {a: [{b: [0, 1]}]}           | true",
      "{'a.1': 5}                      | {a: [4, 5]}                  | true",
      "{'a.1.b': 5}                    | {a: [{b: 4}, {b: 5}]}        | true",
      "{'a.0': 4}                      | {a: [{'0': 4}]}              | true",
      "{a: {b: 1}}                     | {a: {b: 1}}                  | true",
      "{a: {b: 1}}                     | {a: {b: 1, c: 2}}            | false",
      "{a: null}                       | {}                           | true",
      "{a: null}                       | {a: null}                    | true",
      "{a: null}                       | {a: 0}                       | false",
      "{a: null}                       | {a: [1, null]}               | true",
      "{a: null}                       | {a: [1, 2]}                  | false",
      "{a: null}                       | {a: {$undefined: true}}      | true",
      "{a: {$in: [null]}}              | {a: {$undefined: true}}      | true",
      "{a: {$lte: null}}               | {a: {$undefined: true}}      | true",
      "{a: {$lt: null}}                | {a: {$undefined: true}}      | false",
      "{a: {$ne: null}}                | {a: {$undefined: true}}      | false",
      "{'a.b': null}                   | {a: [{b: 1}, {c: 1}]}        | true",
      "{'a.b': null}                   | {a: [{b: 1}]}                | false",
      "{'a.b': null}                   | {a: 5}                       | true",
      "{'a.b': null}                   | {a: [1, 2]}                  | false",
      "{'a.b': {$exists: false}}       | {a: [1, 2]}                  | true",
      "{'a.0': 1}                      | {a: [[1, 2]]}                | false",
      "{'a.0.0': 1}                    | {a: [[1, 2]]}                | true",
      "{'a.0.b': 1}                    | {a: [[{b: 1}]]}              | true",
      "{a: {$ne: null}}                | {}                           | false",
      "{a: {$ne: 1}}                   | {a: [1, 2]}                  | false",
      "{a: {$ne: 1}}                   | {a: [2, 3]}                  | true",
      "{a: {$ne: 1}}                   | {}                           | true",
      "{a: {$gt: 5}}                   | {a: 6}                       | true",
      "{a: {$gt: 5}}                   | {a: '6'}                     | false",
      "{a: {$gt: 5}}                   | {a: [1, 9]}                  | true",
      "{a: {$gt: 5, $lt: 8}}           | {a: [1, 9]}                  | true",
      "{a: {$gte: null}}               | {}                           | true",
      "{a: {$gt: null}}                | {a: null}                    | false",
      "{a: {$lt: 'b'}}                 | {a: 'a'}                     | true",
      "{a: {$lt: 'b'}}                 | {a: 1}                       | false",
      "{a: {$gt: {$minKey: 1}}}        | {a: 'x'}                     | true",
      "{a: {$lt: {$maxKey: 1}}}        | {a: {x: 1}}                  | true",
      "{a: {$lt: 5}}                   | {a: NaN}                     | false",
      "{a: {$gte: NaN}}                | {a: NaN}                     | true",
      "{a: {$gt: [1]}}                 | {a: [2]}                     | true",
      "{a: {$in: [1, 'x']}}            | {a: 'x'}                     | true",
      "{a: {$in: [null]}}              | {}                           | true",
      "{a: {$in: [/^x/]}}              | {a: 'xy'}                    | true",
      "{a: {$in: []}}                  | {a: 1}                       | false",
      "{a: {$nin: [1, 2]}}             | {a: [3, 2]}                  | false",
      "{a: {$nin: [1, 2]}}             | {}                           | true",
      "{a: {$exists: true}}            | {a: null}                    | true",
      "{a: {$exists: false}}           | {b: 1}                       | true",
      "{'a.b': {$exists: false}}       | {a: [{b: 1}, {c: 1}]}        | false",
      "{a: {$exists: 0}}               | {a: 1}                       | false",
      "{a: {$type: 'string'}}          | {a: 'x'}                     | true",
      "{a: {$type: 'number'}}          | {a: NumberDecimal('2')}      | true",
      "{a: {$type: 2}}                 | {a: 'x'}                     | true",
      "{a: {$type: ['int', 'bool']}}   | {a: true}                    | true",
      "{a: {$type: 'array'}}           | {a: []}                      | true",
      "{a: {$type: 'int'}}             | {a: [1.5, 2]}                | true",
      "{a: {$type: 'null'}}            | {}                           | false",
      "{a: {$size: 2}}                 | {a: [1, [2, 3]]}             | true",
      "{a: {$size: 2}}                 | {a: [[1, 2]]}                | false",
      "{'a.b': {$size: 1}}             | {a: [{b: [1]}]}              | true",
      "{a: {$mod: [4, 1]}}             | {a: 9}                       | true",
      "{a: {$mod: [4, 1]}}             | {a: 9.9}                     | true",
      "{a: {$mod: [4, -1]}}            | {a: -9}                      | true",
      "{a: {$mod: [4, 1]}}             | {a: 'x'}                     | false",
      "{a: {$all: [1, 2]}}             | {a: [2, 3, 1]}               | true",
      "{a: {$all: [1, 2]}}             | {a: [2, 3]}                  | false",
      "{a: {$all: [[1]]}}              | {a: [[1], 2]}                | true",
      "{a: {$all: []}}                 | {a: []}                      | false",
      "{a: {$all: [1]}}                | {a: 1}                       | true",
      "{a: {$elemMatch: {$gt: 1, $lt: 3}}} | {a: [0, 2]}              | true",
      "{a: {$elemMatch: {$gt: 1, $lt: 3}}} | {a: [0, 5]}              | false",
      "{a: {$gt: 1, $lt: 3}}           | {a: [0, 5]}                  | true",
      "{a: {$elemMatch: {b: 1, c: 2}}} | {a: [{b: 1}, {c: 2}]}        | false",
      "{a: {$elemMatch: {b: 1, c: 2}}} | {a: [{b: 1, c: 2}]}          | true",
      "{a: {$elemMatch: {b: 1}}}       | {a: {b: 1}}                  | false",
      "{a: {$elemMatch: {$or: [{b: 1}, {c: 1}]}}} | {a: [{c: 1}]}     | true",
      "{a: {$all: [{$elemMatch: {b: 1}}, {$elemMatch: {c: 1}}]}} | {a: [{b: 1}, {c: 1}]} | true",
      "{a: {$not: {$gt: 5}}}           | {a: 3}                       | true",
      "{a: {$not: {$gt: 5}}}           | {}                           | true",
      "{a: {$not: {$gt: 5}}}           | {a: [3, 7]}                  | false",
      "{a: {$not: /^x/}}               | {a: 'yx'}                    | true",
      "{a: /^x/}                       | {a: 'xy'}                    | true",
      "{a: /^x/}                       | {a: ['y', 'xy']}             | true",
      "{a: /^X/i}                      | {a: 'xy'}                    | true",
      "{a: /^b/m}                      | {a: 'a\\nb'}                 | true",
      "{a: /a.b/s}                     | {a: 'a\\nb'}                 | true",
      "{a: {$regex: 'a b', $options: 'x'}} | {a: 'ab'}                | true",
      "{a: {$regex: '[[:digit:]]+'}}   | {a: 'x12'}                   | true",
      "{a: {$regex: /^x/, $options: 'i'}} | {a: 'Xy'}                 | true",
      "{a: /^x/}                       | {a: 1}                       | false",
      "{a: {$eq: /^x/}}                | {a: 'xy'}                    | false",
      "{a: {$eq: /^x/}}                | {a: /^x/}                    | true",
      "{a: {$bitsAllSet: [0, 2]}}      | {a: 5}                       | true",
      "{a: {$bitsAllSet: 6}}           | {a: 5}                       | false",
      "{a: {$bitsAnySet: 6}}           | {a: 5}                       | true",
      "{a: {$bitsAllClear: [1]}}       | {a: 5}                       | true",
      "{a: {$bitsAnyClear: [0, 2]}}    | {a: 5}                       | false",
      "{a: {$bitsAllSet: [70]}}        | {a: -1}                      | true",
      "{a: {$bitsAllSet: [0]}}         | {a: 1.5}                     | false",
      "{a: {$bitsAllSet: [1]}}         | {a: {$binary: {base64: 'Ag==', subType: '00'}}} | true",
      "{$and: [{a: 1}, {b: 2}]}        | {a: 1, b: 2}                 | true",
      "{$or: [{a: 1}, {b: 2}]}         | {b: 2}                       | true",
      "{$nor: [{a: 1}, {b: 2}]}        | {b: 2}                       | false",
      "{$nor: [{a: 1}, {b: 2}]}        | {c: 2}                       | true",
      "{$comment: 'x', a: 1}           | {a: 1}                       | true",
      "{$alwaysFalse: 1}               | {a: 1}                       | false",
      "{_id: {$ref: 'c', $id: 1}}      | {_id: {$ref: 'c', $id: 1}}   | true",
      "{$expr: {$gt: ['$a', '$b']}}    | {a: 2, b: 1}                 | true",
      "{$expr: {$gt: ['$a', '$b']}}    | {a: 1, b: 2}                 | false",
      "{$expr: '$a'}                   | {a: 0}                       | false",
      "{$expr: '$a'}                   | {a: []}                      | true",
      "{$or: [{b: 1}, {$expr: {$eq: ['$a', '$$ROOT.a']}}]} | {a: 1}  | true",
      "{a: {$elemMatch: {$expr: {$eq: ['$b', 2]}}}} | {a: [{b: 1}, {b: 2}]} | true",
  })
  void matchesLikeMongod(String filter, String document, boolean expected) {
    assertThat(matches(filter, document)).isEqualTo(expected);
  }

  @Nested
  class Positions {
    @Test
    void reportsTheMatchingElementOfTheFirstArray() {
      assertThat(position("{a: 2}", "{a: [1, 2, 3]}")).isEqualTo(1);
      assertThat(position("{'a.b': 5}", "{a: [{b: 4}, {b: 5}]}")).isEqualTo(1);
      assertThat(position("{'a.b': 5}", "{a: [{b: 4}, {b: [0, 5]}]}")).isEqualTo(1);
      assertThat(position("{a: {$elemMatch: {b: 5}}}", "{a: [{b: 4}, {b: 5}]}")).isEqualTo(1);
      assertThat(position("{a: 1, b: {$gt: 2}}", "{a: 1, b: [1, 2, 3]}")).isEqualTo(2);
      assertThat(position("{$or: [{a: 9}, {a: 3}]}", "{a: [1, 2, 3]}")).isEqualTo(2);
      assertThat(position("{a: 1}", "{a: 1}")).isEqualTo(-1);
    }
  }

  @Nested
  class Variables {
    private final SystemVariables variables = new SystemVariables(
        new BsonDateTime(1000), null, BsonDocument.parse("{id: 2}"));

    @Test
    void exprSeesTheCommandsLetVariablesAndNow() {
      Matcher matcher = Matcher.compile(BsonDocument.parse("{$expr: {$eq: ['$_id', '$$id']}}"), variables);
      assertThat(matcher.matches(BsonDocument.parse("{_id: 2}"))).isTrue();
      assertThat(matcher.matches(BsonDocument.parse("{_id: 1}"))).isFalse();
      Matcher now = Matcher.compile(BsonDocument.parse("{$expr: {$lt: ['$at', '$$NOW']}}"), variables);
      assertThat(now.matches(new BsonDocument("at", new BsonDateTime(999)))).isTrue();
    }

    @Test
    void undefinedVariablesFailToParse() {
      rejects("{$expr: {$eq: ['$_id', '$$id']}}", 17276, "Use of undefined variable: id");
    }
  }

  @Nested
  class Errors {
    @Test
    void unknownOperators() {
      rejects("{a: {$foo: 1}}", 2, "unknown operator: $foo");
      rejects("{$foo: 1}", 2, "unknown top level operator: $foo");
      rejects("{a: {$gt: 1, b: 2}}", 2, "unknown operator: b");
    }

    @Test
    void logicalOperatorsNeedNonEmptyArraysOfObjects() {
      rejects("{$and: []}", 2, "$and/$or/$nor must be a nonempty array");
      rejects("{$or: {a: 1}}", 2, "$and/$or/$nor must be a nonempty array");
      rejects("{$nor: [1]}", 2, "$or/$and/$nor entries need to be full objects");
    }

    @Test
    void operandShapes() {
      rejects("{a: {$in: 1}}", 2, "$in needs an array");
      rejects("{a: {$nin: 1}}", 2, "$nin needs an array");
      rejects("{a: {$in: [{$gt: 1}]}}", 2, "cannot nest $ under $in");
      rejects("{a: {$all: 1}}", 2, "$all needs an array");
      rejects("{a: {$size: 'x'}}", 2, "$size needs a number");
      rejects("{a: {$size: -1}}", 2, "$size may not be negative");
      rejects("{a: {$size: 1.5}}", 2, "$size must be a whole number");
      rejects("{a: {$mod: 1}}", 2, "malformed mod, needs to be an array");
      rejects("{a: {$mod: [1]}}", 2, "malformed mod, not enough elements");
      rejects("{a: {$mod: [1, 2, 3]}}", 2, "malformed mod, too many elements");
      rejects("{a: {$mod: [0, 1]}}", 2, "divisor cannot be 0");
      rejects("{a: {$elemMatch: 1}}", 2, "$elemMatch needs an Object");
      rejects("{a: {$not: 1}}", 2, "$not needs a regex or a document");
      rejects("{a: {$not: {}}}", 2, "$not cannot be empty");
      rejects("{a: {$ne: /x/}}", 2, "Can't have regex as arg to $ne.");
      rejects("{a: {$type: 'nope'}}", 2, "Unknown type name alias: nope");
      rejects("{a: {$type: 99}}", 2, "Invalid numerical type code: 99");
      rejects("{a: {$type: {}}}", 14, "type must be represented as a number or a string");
      rejects("{a: {$undefined: true}}", 2, "cannot compare to undefined");
      rejects("{a: {$gt: {$undefined: true}}}", 2, "cannot compare to undefined");
    }

    @Test
    void regexes() {
      rejects("{a: {$options: 'i'}}", 2, "$options needs a $regex");
      rejects("{a: {$regex: 1}}", 2, "$regex has to be a string");
      rejects("{a: {$regex: /x/i, $options: 'm'}}", 2, "options set in both $regex and $options");
      rejects("{a: {$regex: 'x', $options: 'q'}}", 51108, "invalid flag in regex options: q");
      assertFails(() -> Matcher.compile(BsonDocument.parse("{a: {$regex: '('}}")), 51091);
    }

    @Test
    void serverSideJavaScriptAndText() {
      rejects("{$where: 'true'}", 2, "no globalScriptEngine in $where parsing");
      rejects("{$text: {$search: 'x'}}", 27, "text index required for $text query");
    }
  }
}

package io.tributary.engine.query;

import static io.tributary.engine.query.QueryAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSchemaTest {

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "{bsonType: 'object'}                                       | {a: 1}                 | true",
      "{required: ['a', 'b']}                                     | {a: 1}                 | false",
      "{required: ['a']}                                          | {a: null}              | true",
      "{properties: {a: {bsonType: 'int'}}}                       | {a: 1}                 | true",
      "{properties: {a: {bsonType: 'int'}}}                       | {a: 'x'}               | false",
      "{properties: {a: {bsonType: 'int'}}}                       | {}                     | true",
      "{properties: {a: {bsonType: ['string', 'null']}}}          | {a: null}              | true",
      "{properties: {a: {type: 'number'}}}                        | {a: 1.5}               | true",
      "{properties: {a: {type: 'string'}}}                        | {a: 1}                 | false",
      "{properties: {a: {minimum: 5}}}                            | {a: 5}                 | true",
      "{properties: {a: {minimum: 5, exclusiveMinimum: true}}}    | {a: 5}                 | false",
      "{properties: {a: {maximum: 5}}}                            | {a: 6}                 | false",
      "{properties: {a: {maximum: 5}}}                            | {a: 'zzz'}             | true",
      "{properties: {a: {enum: [1, 'x']}}}                        | {a: 'x'}               | true",
      "{properties: {a: {enum: [1, 'x']}}}                        | {a: 2}                 | false",
      "{properties: {a: {minLength: 2, maxLength: 3}}}            | {a: 'abcd'}            | false",
      "{properties: {a: {minLength: 2, maxLength: 3}}}            | {a: 'ab'}              | true",
      "{properties: {a: {pattern: '^x'}}}                         | {a: 'xy'}              | true",
      "{properties: {a: {items: {bsonType: 'int'}}}}              | {a: [1, 2]}            | true",
      "{properties: {a: {items: {bsonType: 'int'}}}}              | {a: [1, 'x']}          | false",
      "{properties: {a: {items: [{bsonType: 'int'}], additionalItems: false}}} | {a: [1, 2]} | false",
      "{properties: {a: {minItems: 1, maxItems: 2}}}              | {a: []}                | false",
      "{properties: {a: {uniqueItems: true}}}                     | {a: [1, 1.0]}          | false",
      "{properties: {_id: {}, a: {}}, additionalProperties: false} | {_id: 1, a: 1}        | true",
      "{properties: {_id: {}, a: {}}, additionalProperties: false} | {_id: 1, b: 1}        | false",
      "{additionalProperties: {bsonType: 'int'}}                  | {a: 1, b: 'x'}         | false",
      "{properties: {a: {properties: {b: {bsonType: 'int'}}, required: ['b']}}} | {a: {c: 1}} | false",
      "{anyOf: [{required: ['a']}, {required: ['b']}]}            | {b: 1}                 | true",
      "{oneOf: [{required: ['a']}, {required: ['b']}]}            | {a: 1, b: 1}           | false",
      "{not: {required: ['a']}}                                   | {b: 1}                 | true",
      "{minProperties: 2}                                         | {a: 1}                 | false",
      "{title: 't', description: 'd'}                             | {a: 1}                 | true",
  })
  void validates(String schema, String document, boolean expected) {
    BsonDocument filter = new BsonDocument("$jsonSchema", BsonDocument.parse(schema));
    assertThat(Matcher.compile(filter).matches(BsonDocument.parse(document))).isEqualTo(expected);
  }

  @Test
  void rejectsUnknownKeywordsAndBadShapes() {
    assertFails(() -> Matcher.compile(BsonDocument.parse("{$jsonSchema: {foo: 1}}")), 9,
        "Unknown $jsonSchema keyword: foo");
    assertFails(() -> Matcher.compile(BsonDocument.parse("{$jsonSchema: 1}")), 14);
    assertThatThrownBy(() -> Matcher.compile(BsonDocument.parse("{$jsonSchema: {minItems: -1}}")))
        .isInstanceOf(MongoError.class);
  }
}

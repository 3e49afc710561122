package io.tributary.engine.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/** The hashed $lookup join finds exactly what the query language's {@code {f: {$in: values}}} finds. */
class ForeignIndexProperties {
  @Provide
  Arbitrary<Optional<BsonValue>> fieldValues() {
    Arbitrary<BsonValue> scalar = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 3).map(i -> (BsonValue) new BsonInt32(i)),
        Arbitraries.integers().between(0, 3).map(i -> (BsonValue) new BsonDouble(i)),
        Arbitraries.of("a", "b").map(s -> (BsonValue) new BsonString(s)),
        Arbitraries.just(BsonNull.VALUE));
    Arbitrary<BsonValue> value = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(BsonArray::new),
        scalar.map(s -> (BsonValue) new BsonDocument("g", s)),
        scalar.list().ofMaxSize(2).map(list -> {
          BsonArray documents = new BsonArray();
          list.forEach(s -> documents.add(new BsonDocument("g", s)));
          return (BsonValue) documents;
        }));
    return value.optional();
  }

  @Provide
  Arbitrary<List<Optional<BsonValue>>> collections() {
    return fieldValues().list().ofMaxSize(8);
  }

  @Property
  void hashedJoinAgreesWithTheMatcher(@ForAll("collections") List<Optional<BsonValue>> foreign,
      @ForAll("fieldValues") Optional<BsonValue> local, @ForAll boolean nested) {
    String path = nested ? "f.g" : "f";
    List<BsonDocument> documents = new ArrayList<>();
    for (int i = 0; i < foreign.size(); i++) {
      BsonDocument document = new BsonDocument("_id", new BsonInt32(i));
      foreign.get(i).ifPresent(value -> document.append("f", value));
      documents.add(document);
    }
    BsonDocument localDocument = new BsonDocument();
    local.ifPresent(value -> localDocument.append("f", value));
    List<BsonValue> values = new ArrayList<>();
    FieldPath.parse(path).values(localDocument).stream().filter(v -> !v.isArray()).forEach(values::add);
    if (values.isEmpty()) {
      values.add(BsonNull.VALUE);
    }
    Matcher matcher = Matcher.compile(new BsonDocument(path, new BsonDocument("$in", new BsonArray(values))));
    assertThat(new ForeignIndex(documents, path).matching(values))
        .containsExactlyElementsOf(documents.stream().filter(matcher::matches).toList());
  }
}

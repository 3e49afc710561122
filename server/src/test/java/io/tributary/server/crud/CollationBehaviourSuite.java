package io.tributary.server.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.CollationAlternate;
import com.mongodb.client.model.CollationCaseFirst;
import com.mongodb.client.model.CollationStrength;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Collation through the real driver: queries, sorts, aggregation, collection defaults and collated indexes; run on
 * each storage engine.
 */
public abstract class CollationBehaviourSuite extends ServerTestSupport {
  private static final Collation CASE_INSENSITIVE =
      Collation.builder().locale("en").collationStrength(CollationStrength.SECONDARY).build();
  private static final Document FULL_EN_STRENGTH_2 = Document.parse("{locale: 'en', caseLevel: false,"
      + " caseFirst: 'off', strength: 2, numericOrdering: false, alternate: 'non-ignorable', maxVariable: 'punct',"
      + " normalization: false, backwards: false, version: '57.1'}");

  private MongoDatabase db;
  private MongoCollection<Document> words;

  @BeforeEach
  void words() {
    db = client().getDatabase("collation");
    db.drop();
    words = db.getCollection("words");
    words.insertMany(List.of(new Document("_id", 1).append("w", "apple"), new Document("_id", 2).append("w", "Apple"),
        new Document("_id", 3).append("w", "banana"), new Document("_id", 4).append("w", "Äpfel"),
        new Document("_id", 5).append("w", "10"), new Document("_id", 6).append("w", "9")));
  }

  @Test
  void queriesSortsAndWritesFollowTheCollation() {
    assertThat(ids(words.find(Filters.eq("w", "APPLE")).collation(CASE_INSENSITIVE))).containsExactly(1, 2);
    assertThat(ids(words.find(Filters.eq("w", "APPLE")))).isEmpty();
    assertThat(ids(words.find(Filters.gt("w", "a")).collation(CASE_INSENSITIVE).sort(Sorts.ascending("w", "_id"))))
        .as("Äpfel sorts before apple").containsExactly(4, 1, 2, 3);
    Collation numeric = Collation.builder().locale("en").numericOrdering(true).build();
    assertThat(ids(words.find(Filters.in("_id", 5, 6)).sort(Sorts.ascending("w")).collation(numeric)))
        .containsExactly(6, 5);
    Collation upperFirst = Collation.builder().locale("en").collationCaseFirst(CollationCaseFirst.UPPER).build();
    assertThat(ids(words.find(Filters.in("_id", 1, 2)).sort(Sorts.ascending("w")).collation(upperFirst)))
        .containsExactly(2, 1);
    assertThat(words.countDocuments(Filters.eq("w", "apple"), new com.mongodb.client.model.CountOptions()
        .collation(Collation.builder().locale("de").collationStrength(CollationStrength.PRIMARY).build())))
        .isEqualTo(2);
    assertThat(words.updateMany(Filters.eq("w", "APPLE"), new Document("$set", new Document("fruit", true)),
        new com.mongodb.client.model.UpdateOptions().collation(CASE_INSENSITIVE)).getModifiedCount()).isEqualTo(2);
    assertThat(words.deleteMany(Filters.eq("w", "BANANA"),
        new com.mongodb.client.model.DeleteOptions().collation(CASE_INSENSITIVE)).getDeletedCount()).isEqualTo(1);
  }

  @Test
  void aggregationMatchesSortsAndGroupsUnderTheCollation() {
    List<Document> groups = words.aggregate(List.of(Aggregates.match(Filters.regex("w", "^[aA]")),
        Aggregates.group("$w", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))
        .collation(CASE_INSENSITIVE).into(new ArrayList<>());
    assertThat(groups).extracting(group -> group.get("n")).containsExactly(2);
    assertThat(words.aggregate(List.of(Aggregates.match(Filters.eq("w", "BANANA")))).collation(CASE_INSENSITIVE)
        .into(new ArrayList<>())).hasSize(1);
    Document compared = words.aggregate(List.of(Aggregates.match(Filters.eq("_id", 2)), Aggregates.project(
        Document.parse("{same: {$eq: ['$w', 'APPLE']}, in: {$in: ['APPLE', ['x', '$w']]}}"))))
        .collation(CASE_INSENSITIVE).first();
    assertThat(compared).containsEntry("same", true).containsEntry("in", true);
    Collation shifted = Collation.builder().locale("en").collationAlternate(CollationAlternate.SHIFTED).build();
    words.insertOne(new Document("_id", 7).append("w", "ba-nana"));
    assertThat(ids(words.aggregate(List.of(Aggregates.match(Filters.eq("w", "banana")))).collation(shifted)))
        .containsExactly(3, 7);
  }

  @Test
  void windowFunctionsCompareUnderTheCollation() {
    List<Document> windowed = words.aggregate(List.of(Aggregates.match(Filters.in("_id", 1, 2, 3)),
        Document.parse("{$setWindowFields: {sortBy: {w: 1}, output: {rank: {$rank: {}}, dense: {$denseRank: {}},"
            + " least: {$min: '$w'}, distinct: {$addToSet: '$w'}}}}"),
        Aggregates.sort(Sorts.ascending("_id")))).collation(CASE_INSENSITIVE).into(new ArrayList<>());

    assertThat(windowed).extracting(document -> document.get("rank")).as("apple and Apple tie")
        .containsExactly(1, 1, 3);
    assertThat(windowed).extracting(document -> document.get("dense")).containsExactly(1, 1, 2);
    assertThat(windowed).extracting(document -> document.get("least")).as("the first of the tie")
        .containsOnly("apple");
    assertThat(windowed).allSatisfy(document -> assertThat(document.getList("distinct", String.class)).hasSize(2));
    List<Document> simple = words.aggregate(List.of(Aggregates.match(Filters.in("_id", 1, 2, 3)),
        Document.parse("{$setWindowFields: {sortBy: {w: 1}, output: {rank: {$rank: {}}, least: {$min: '$w'}}}}"),
        Aggregates.sort(Sorts.ascending("_id")))).into(new ArrayList<>());
    assertThat(simple).extracting(document -> document.get("rank")).containsExactly(2, 1, 3);
    assertThat(simple).extracting(document -> document.get("least")).containsOnly("Apple");
  }

  @Test
  void aCollectionsDefaultCollationIsListedAndInherited() {
    db.createCollection("ci", new CreateCollectionOptions().collation(CASE_INSENSITIVE));
    MongoCollection<Document> ci = db.getCollection("ci");
    ci.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b").append("w", "Apple")));
    Document options = db.listCollections().filter(Filters.eq("name", "ci")).first().get("options", Document.class);
    assertThat(options.get("collation", Document.class)).isEqualTo(FULL_EN_STRENGTH_2);
    assertThat(ids(ci.find(Filters.eq("w", "APPLE")))).containsExactly("b");
    assertThat(ids(ci.find(Filters.eq("w", "APPLE")).collation(Collation.builder().locale("simple").build())))
        .isEmpty();
    assertThat(ci.listIndexes().first().get("collation", Document.class)).isEqualTo(FULL_EN_STRENGTH_2);
    assertThatThrownBy(() -> ci.insertOne(new Document("_id", "A"))).isInstanceOf(MongoWriteException.class)
        .hasMessageContaining("E11000");
  }

  @Test
  void aCollatedIndexServesOnlyQueriesWithItsCollation() {
    words.createIndex(Indexes.ascending("w"), new IndexOptions().collation(CASE_INSENSITIVE).name("w_ci"));
    Document spec = words.listIndexes().into(new ArrayList<>()).stream()
        .filter(index -> index.getString("name").equals("w_ci")).findFirst().orElseThrow();
    assertThat(spec.get("collation", Document.class)).isEqualTo(FULL_EN_STRENGTH_2);
    assertThat(stage(words.find(Filters.eq("w", "APPLE")).collation(CASE_INSENSITIVE).explain())).isEqualTo("FETCH");
    assertThat(stage(words.find(Filters.eq("w", "APPLE")).explain())).isEqualTo("COLLSCAN");
    assertThat(ids(words.find(Filters.eq("w", "APPLE")).collation(CASE_INSENSITIVE))).containsExactly(1, 2);
    assertThat(ids(words.find(Filters.gte("w", "B")).collation(CASE_INSENSITIVE))).containsExactly(3);
    assertThat(ids(words.find().sort(Sorts.descending("w")).collation(CASE_INSENSITIVE).limit(1))).containsExactly(3);
  }

  @Test
  void invalidCollationsFailAsInMongod() {
    assertThatThrownBy(() -> words.find().collation(Collation.builder().locale("xx").build()).first())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(2);
          assertThat(e.getErrorMessage()).isEqualTo("Field 'locale' is invalid in: { locale: \"xx\" }");
        });
    assertThatThrownBy(() -> db.runCommand(Document.parse("{find: 'words', collation: {strength: 1}}")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40414));
    assertThatThrownBy(() -> db.runCommand(Document.parse("{createIndexes: 'words', indexes: [{key: {w: 1},"
        + " name: 'bad', collation: {locale: 'en', bogus: true}}]}")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40415));
  }

  private static String stage(Document explain) {
    return explain.get("queryPlanner", Document.class).get("winningPlan", Document.class).getString("stage");
  }

  private static List<Object> ids(Iterable<Document> documents) {
    List<Object> ids = new ArrayList<>();
    documents.forEach(document -> ids.add(document.get("_id")));
    return ids;
  }
}

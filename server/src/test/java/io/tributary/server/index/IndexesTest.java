package io.tributary.server.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.DuplicateKeyException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Indexes through the real driver: the planner's choice as {@code explain} shows it (bounds, direction, multikey,
 * rejected plans, execution counters), hints, sparse and partial indexes, duplicate keys and createIndexes
 * validation with mongod's codes, and {@code listIndexes} showing every option back.
 */
class IndexesTest extends ServerTestSupport {
  private MongoDatabase db;
  private MongoCollection<Document> coll;

  @BeforeEach
  void reset() {
    db = client().getDatabase("idx");
    db.drop();
    coll = db.getCollection("c");
    for (int i = 0; i < 20; i++) {
      coll.insertOne(new Document("_id", i).append("a", i % 5).append("b", "s" + i).append("tags", List.of(i, -i)));
    }
  }

  @Test
  void equalityUsesTheIndexAndExplainShowsTheBounds() {
    coll.createIndex(Indexes.ascending("a"));
    Document explain = coll.find(Filters.eq("a", 3)).explain();
    Document planner = explain.get("queryPlanner", Document.class);
    assertThat(planner.getString("namespace")).isEqualTo("idx.c");
    assertThat(planner.get("parsedQuery", Document.class).toJson()).isEqualTo("{\"a\": {\"$eq\": 3}}");
    Document winning = planner.get("winningPlan", Document.class);
    assertThat(winning.getString("stage")).isEqualTo("FETCH");
    Document scan = winning.get("inputStage", Document.class);
    assertThat(scan.getString("stage")).isEqualTo("IXSCAN");
    assertThat(scan.getString("indexName")).isEqualTo("a_1");
    assertThat(scan.get("keyPattern", Document.class)).isEqualTo(new Document("a", 1));
    assertThat(scan.getBoolean("isMultiKey")).isFalse();
    assertThat(scan.getString("direction")).isEqualTo("forward");
    assertThat(scan.get("indexBounds", Document.class)).isEqualTo(new Document("a", List.of("[3, 3]")));
    Document stats = explain.get("executionStats", Document.class);
    assertThat(stats.get("nReturned", Number.class).longValue()).isEqualTo(4);
    assertThat(stats.get("totalKeysExamined", Number.class).longValue()).isEqualTo(4);
    assertThat(stats.get("totalDocsExamined", Number.class).longValue()).isEqualTo(4);
    assertThat(ids(coll.find(Filters.eq("a", 3)))).containsExactly(3, 8, 13, 18);
  }

  @Test
  void rangesInAndSortUseTheIndex() {
    coll.createIndex(Indexes.compoundIndex(Indexes.ascending("a"), Indexes.descending("b")));
    Document scan = ixscan(coll.find(Filters.and(Filters.gt("a", 1), Filters.lte("a", 3)))
        .sort(Sorts.descending("a")).explain());
    assertThat(scan.getString("direction")).isEqualTo("backward");
    assertThat(scan.get("indexBounds", Document.class).toJson())
        .isEqualTo("{\"a\": [\"[3, 1)\"], \"b\": [\"[MinKey, MaxKey]\"]}");
    assertThat(ids(coll.find(Filters.in("a", 4, 0)).sort(Sorts.ascending("a"))))
        .as("index order: a ascending, then b descending as strings").containsExactly(5, 15, 10, 0, 9, 4, 19, 14);
    Document inScan = ixscan(coll.find(Filters.in("a", 4, 0)).explain());
    assertThat(inScan.get("indexBounds", Document.class).getList("a", String.class))
        .containsExactly("[0, 0]", "[4, 4]");
    Document sortOnly = coll.find().sort(Sorts.ascending("a")).explain();
    assertThat(ixscan(sortOnly).get("indexBounds", Document.class).getList("a", String.class))
        .containsExactly("[MinKey, MaxKey]");
  }

  @Test
  void noUsableIndexIsACollectionScanWithRejectedPlansListed() {
    coll.createIndex(Indexes.ascending("a"));
    coll.createIndex(Indexes.ascending("a", "b"));
    Document plain = coll.find(Filters.eq("b", "s1")).explain().get("queryPlanner", Document.class);
    assertThat(plain.get("winningPlan", Document.class).getString("stage")).isEqualTo("COLLSCAN");
    Document both = coll.find(Filters.eq("a", 1)).explain().get("queryPlanner", Document.class);
    assertThat(both.getList("rejectedPlans", Document.class)).hasSize(1);
  }

  @Test
  void hintsAreObeyedAndABadHintIsBadValue() {
    coll.createIndex(Indexes.ascending("a"), new IndexOptions().name("by_a"));
    assertThat(ixscan(coll.find(Filters.eq("b", "s1")).hintString("by_a").explain()).getString("indexName"))
        .isEqualTo("by_a");
    assertThat(ixscan(coll.find(Filters.eq("b", "s1")).hint(new Document("a", 1)).explain())
        .getString("indexName")).isEqualTo("by_a");
    assertThat(ids(coll.find(Filters.eq("b", "s1")).hintString("by_a"))).containsExactly(1);
    Document natural = coll.find(Filters.eq("a", 1)).hint(new Document("$natural", -1)).explain();
    assertThat(natural.get("queryPlanner", Document.class).get("winningPlan", Document.class).getString("direction"))
        .isEqualTo("backward");
    assertThatThrownBy(() -> coll.find().hintString("nope").first())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(2);
          assertThat(e.getErrorMessage()).contains("hint provided does not correspond to an existing index");
        });
    assertThatThrownBy(() -> coll.countDocuments(new Document(),
        new com.mongodb.client.model.CountOptions().hint(new Document("zz", 1))))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
  }

  @Test
  void aTopLevelOrUsesOneIndexScanPerBranch() {
    coll.createIndex(Indexes.ascending("a"));
    coll.createIndex(Indexes.ascending("b"));
    Document winning = coll.find(Filters.or(Filters.eq("a", 1), Filters.eq("b", "s3"))).explain()
        .get("queryPlanner", Document.class).get("winningPlan", Document.class);
    assertThat(winning.getString("stage")).isEqualTo("SUBPLAN");
    Document or = winning.get("inputStage", Document.class).get("inputStage", Document.class);
    assertThat(or.getString("stage")).isEqualTo("OR");
    assertThat(or.getList("inputStages", Document.class)).extracting(s -> s.getString("indexName"))
        .containsExactly("a_1", "b_1");
    assertThat(ids(coll.find(Filters.or(Filters.eq("a", 1), Filters.eq("b", "s3"), Filters.eq("b", "s6")))))
        .containsExactlyInAnyOrder(1, 6, 11, 16, 3);
    assertThat(stage(coll.find(Filters.or(Filters.eq("a", 1), Filters.eq("tags", 3))).explain()))
        .as("a branch without an index").isEqualTo("COLLSCAN");
  }

  @Test
  void hiddenIndexesAreNotUsed() {
    coll.createIndex(Indexes.ascending("a"), new IndexOptions().hidden(true));
    assertThat(stage(coll.find(Filters.eq("a", 1)).explain())).isEqualTo("COLLSCAN");
    assertThatThrownBy(() -> coll.find().hintString("a_1").first())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
    assertThat(coll.listIndexes().into(new ArrayList<>()).get(1)).containsEntry("hidden", true);
  }

  @Test
  void multikeyIndexesFindArrayElements() {
    coll.createIndex(Indexes.ascending("tags"));
    Document scan = ixscan(coll.find(Filters.and(Filters.gte("tags", 3), Filters.lte("tags", 4))).explain());
    assertThat(scan.getBoolean("isMultiKey")).isTrue();
    assertThat(scan.get("indexBounds", Document.class).getList("tags", String.class))
        .as("bounds of a multikey path are not intersected").hasSize(1);
    assertThat(ids(coll.find(Filters.and(Filters.gte("tags", 3), Filters.lte("tags", 4)))))
        .as("different elements may satisfy each condition").hasSize(17).doesNotContain(0, 1, 2);
    assertThat(ids(coll.find(Filters.eq("tags", -7)))).containsExactly(7);
  }

  @Test
  void sparseAndPartialIndexesAreUsedOnlyWhenComplete() {
    coll.insertOne(new Document("_id", 100));
    coll.createIndex(Indexes.ascending("s"), new IndexOptions().sparse(true));
    coll.createIndex(Indexes.ascending("a"), new IndexOptions().name("a_partial")
        .partialFilterExpression(Filters.gt("a", 2)));
    assertThat(stage(coll.find(Filters.eq("s", null)).explain())).isEqualTo("COLLSCAN");
    assertThat(ixscan(coll.find(Filters.eq("a", 4)).explain()).getString("indexName")).isEqualTo("a_partial");
    assertThat(stage(coll.find(Filters.eq("a", 1)).explain())).isEqualTo("COLLSCAN");
    assertThat(ids(coll.find(Filters.eq("a", 4)))).containsExactly(4, 9, 14, 19);
    assertThatThrownBy(() -> coll.find(Filters.eq("a", 1)).hintString("a_partial").first())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
  }

  @Test
  void duplicateKeysReportKeyPatternAndKeyValue() {
    coll.createIndex(Indexes.ascending("b"), new IndexOptions().unique(true));
    assertThatThrownBy(() -> coll.insertOne(new Document("_id", 50).append("b", "s3")))
        .isInstanceOfSatisfying(MongoWriteException.class, e -> {
          assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
          assertThat(e.getError().getCode()).isEqualTo(11000);
        });
    BsonDocument reply = db.runCommand(BsonDocument.parse("{insert: 'c', documents: [{_id: 51, b: 's4'}]}"),
        BsonDocument.class);
    BsonDocument writeError = reply.getArray("writeErrors").get(0).asDocument();
    assertThat(writeError.getDocument("keyPattern")).isEqualTo(BsonDocument.parse("{b: 1}"));
    assertThat(writeError.getDocument("keyValue")).isEqualTo(BsonDocument.parse("{b: 's4'}"));
    assertThat(writeError.getString("errmsg").getValue())
        .isEqualTo("E11000 duplicate key error collection: idx.c index: b_1 dup key: { b: \"s4\" }");
    assertThat(coll.countDocuments(Filters.eq("_id", 50))).isZero();
    assertThatThrownBy(() -> coll.createIndex(Indexes.ascending("a"), new IndexOptions().unique(true)))
        .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
    assertThat(coll.listIndexes().into(new ArrayList<>())).hasSize(2);
  }

  @Test
  void createIndexesValidatesLikeMongod() {
    assertThat(code(new Document("a", 0))).isEqualTo(67);
    assertThat(code(new Document("a", true))).isEqualTo(67);
    assertThat(code(new Document("a", "nonsense"))).isEqualTo(67);
    coll.createIndex(Indexes.ascending("a"), new IndexOptions().name("x"));
    assertThatThrownBy(() -> coll.createIndex(Indexes.ascending("b"), new IndexOptions().name("x")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(86));
    assertThatThrownBy(() -> coll.createIndex(Indexes.ascending("a"), new IndexOptions().name("x").unique(true)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(85));
    assertThatThrownBy(() -> coll.createIndex(Indexes.ascending("a"), new IndexOptions().name("y")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(85));
    assertThat(coll.createIndex(Indexes.ascending("a"), new IndexOptions().name("x"))).isEqualTo("x");
  }

  @Test
  void listIndexesShowsEveryOptionBack() {
    coll.createIndex(Indexes.descending("b"), new IndexOptions().unique(true).sparse(true).name("b_u"));
    coll.createIndex(Indexes.ascending("when"), new IndexOptions().expireAfter(30L,
        java.util.concurrent.TimeUnit.SECONDS).partialFilterExpression(Filters.exists("when")));
    List<Document> indexes = coll.listIndexes().into(new ArrayList<>());
    assertThat(indexes).hasSize(3);
    assertThat(indexes.get(1)).containsEntry("unique", true).containsEntry("sparse", true)
        .containsEntry("name", "b_u").containsEntry("key", new Document("b", -1)).containsEntry("v", 2);
    assertThat(indexes.get(2).get("expireAfterSeconds", Number.class).longValue()).isEqualTo(30);
    assertThat(indexes.get(2).get("partialFilterExpression", Document.class))
        .isEqualTo(new Document("when", new Document("$exists", true)));
  }

  @Test
  void explainWrapsCountDistinctUpdateDeleteAndAggregate() {
    coll.createIndex(Indexes.ascending("a"));
    BsonDocument count = explain("{count: 'c', query: {a: 2}}");
    assertThat(count.getDocument("queryPlanner").getDocument("winningPlan").getString("stage").getValue())
        .isEqualTo("COUNT");
    BsonDocument update = explain("{update: 'c', updates: [{q: {a: 2}, u: {$set: {z: 1}}, multi: true}]}");
    BsonDocument updateStage = update.getDocument("queryPlanner").getDocument("winningPlan");
    assertThat(updateStage.getString("stage").getValue()).isEqualTo("UPDATE");
    assertThat(updateStage.getDocument("inputStage").getDocument("inputStage").getString("indexName").getValue())
        .isEqualTo("a_1");
    assertThat(update.getDocument("executionStats").getNumber("nReturned").longValue()).isEqualTo(4);
    assertThat(coll.countDocuments(Filters.exists("z"))).isZero();
    BsonDocument delete = explain("{delete: 'c', deletes: [{q: {a: 2}, limit: 1}]}");
    assertThat(delete.getDocument("queryPlanner").getDocument("winningPlan").getString("stage").getValue())
        .isEqualTo("DELETE");
    assertThat(coll.countDocuments()).isEqualTo(20);
    BsonDocument distinct = explain("{distinct: 'c', key: 'b', query: {a: {$in: [1, 2]}}}");
    assertThat(distinct.getDocument("queryPlanner").getString("namespace").getValue()).isEqualTo("idx.c");
    Document aggregate = coll.aggregate(List.of(Filters.eq("a", 2) == null ? null
        : new Document("$match", new Document("a", 2)), new Document("$group", new Document("_id", "$a"))))
        .explain();
    Document cursor = aggregate.getList("stages", Document.class).get(0).get("$cursor", Document.class);
    assertThat(cursor.get("queryPlanner", Document.class).get("winningPlan", Document.class)
        .get("inputStage", Document.class).getString("indexName")).isEqualTo("a_1");
    assertThat(coll.aggregate(List.of(new Document("$match", new Document("a", 2)))).into(new ArrayList<>()))
        .hasSize(4);
  }

  private BsonDocument explain(String command) {
    return db.runCommand(new BsonDocument("explain", BsonDocument.parse(command))
        .append("verbosity", new org.bson.BsonString("executionStats")), BsonDocument.class);
  }

  private int code(Document key) {
    try {
      coll.createIndex(key);
      return 0;
    } catch (MongoCommandException e) {
      return e.getErrorCode();
    }
  }

  private static String stage(Document explain) {
    return explain.get("queryPlanner", Document.class).get("winningPlan", Document.class).getString("stage");
  }

  private static Document ixscan(Document explain) {
    Document stage = explain.get("queryPlanner", Document.class).get("winningPlan", Document.class);
    while (!stage.getString("stage").equals("IXSCAN")) {
      stage = stage.get("inputStage", Document.class);
    }
    return stage;
  }

  private static List<Integer> ids(Iterable<Document> documents) {
    List<Integer> ids = new ArrayList<>();
    documents.forEach(d -> ids.add(d.getInteger("_id")));
    return ids;
  }
}

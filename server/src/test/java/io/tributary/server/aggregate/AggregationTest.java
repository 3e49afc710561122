package io.tributary.server.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.tributary.server.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregation language through the MongoDB Java driver: stages, let, $lookup, $out and $merge. */
class AggregationTest extends ServerTestSupport {
  private MongoDatabase db;
  private MongoCollection<Document> orders;

  @BeforeEach
  void data() {
    db = client().getDatabase("agg");
    db.drop();
    orders = db.getCollection("orders");
    orders.insertMany(List.of(
        new Document("_id", 1).append("item", "a").append("qty", 2).append("price", 10),
        new Document("_id", 2).append("item", "b").append("qty", 1).append("price", 20),
        new Document("_id", 3).append("item", "a").append("qty", 5).append("price", 10)));
    db.getCollection("items").insertMany(List.of(new Document("_id", "a").append("name", "apple"),
        new Document("_id", "b").append("name", "banana")));
  }

  @AfterEach
  void noLeakedCursors() {
    assertThat(server().engine().cursors().size()).as("open cursors").isZero();
  }

  @Test
  void groupSortAndProject() {
    List<Document> totals = orders.aggregate(List.of(
        Aggregates.group("$item", com.mongodb.client.model.Accumulators.sum("total",
            new Document("$multiply", List.of("$qty", "$price")))),
        Aggregates.sort(Sorts.descending("total")),
        Aggregates.project(Projections.fields(Projections.computed("item", "$_id"), Projections.excludeId(),
            Projections.include("total"))))).into(new ArrayList<>());
    assertThat(totals).containsExactly(new Document("total", 70).append("item", "a"),
        new Document("total", 20).append("item", "b"));
  }

  @Test
  void lookupJoinsAnotherCollection() {
    Document joined = orders.aggregate(List.of(Aggregates.match(Filters.eq("_id", 2)),
        Aggregates.lookup("items", "item", "_id", "details"))).first();
    assertThat(joined.getList("details", Document.class))
        .containsExactly(new Document("_id", "b").append("name", "banana"));
  }

  @Test
  void letVariablesReachExpressions() {
    Document result = db.runCommand(Document.parse("{aggregate: 'orders', pipeline: ["
        + "{$match: {$expr: {$eq: ['$item', '$$wanted']}}}, {$count: 'n'}], let: {wanted: 'a'}, cursor: {}}"));
    assertThat(result.get("cursor", Document.class).getList("firstBatch", Document.class))
        .containsExactly(new Document("n", 2));
  }

  @Test
  void outReplacesTheTargetCollection() {
    db.getCollection("summary").insertOne(new Document("_id", "stale"));
    orders.aggregate(List.of(Aggregates.match(Filters.gt("_id", 1)), Aggregates.out("summary"))).toCollection();
    assertThat(db.getCollection("summary").find().into(new ArrayList<>())).extracting(d -> d.get("_id"))
        .containsExactly(2, 3);
  }

  @Test
  void mergeUpsertsIntoTheTarget() {
    MongoCollection<Document> target = db.getCollection("target");
    target.insertOne(new Document("_id", 1).append("seen", true));
    orders.aggregate(List.of(Aggregates.project(Projections.include("qty")), Aggregates.merge("target")))
        .toCollection();
    assertThat(target.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).containsExactly(
        new Document("_id", 1).append("seen", true).append("qty", 2), new Document("_id", 2).append("qty", 1),
        new Document("_id", 3).append("qty", 5));
    assertThatThrownBy(() -> db.runCommand(Document.parse("{aggregate: 1, pipeline: [{$documents: [{_id: 2}]},"
        + " {$merge: {into: 'target', whenMatched: 'fail'}}], cursor: {}}")))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(11000));
  }

  @Test
  void stageErrorsCarryMongodCodes() {
    assertThatThrownBy(() -> orders.aggregate(List.of(new Document("$bogus", 1))).first())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(40324);
          assertThat(e.getErrorCodeName()).isEqualTo("Location40324");
        });
    assertThatThrownBy(() -> orders.aggregate(List.of(new Document("$project",
        new Document("x", new Document("$divide", List.of(1, 0)))))).first())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
  }
}

package io.tributary.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Engine;
import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.command.crud.CommandHarness;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A capped collection behaves like a model of mongod's: after any sequence of inserts, updates (which may change a
 * document's size) and deletes, its documents in natural order are the model's, where each insert deletes the
 * oldest documents until the count is within {@code max} and the total size within {@code size}, never the document
 * just inserted; {@code collStats} reports the model's count and size, and the indexes agree with the data.
 */
class CappedCollectionPropertiesTest {
  /** One write: insert a new {@code _id} with a padding, set an existing one's padding, or delete one. */
  record Write(String kind, int target, int padding) {}

  private record Stored(int id, int size) {}

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void theCollectionFollowsTheModel(@ForAll @IntRange(min = 100, max = 3000) int size,
      @ForAll @IntRange(min = 0, max = 8) int max, @ForAll("writes") List<Write> writes) {
    try (Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build()) {
      CommandHarness harness = new CommandHarness(engine);
      BsonDocument create = BsonDocument.parse("{create: 'c', capped: true}").append("size", new BsonInt32(size));
      harness.run("db", max > 0 ? create.append("max", new BsonInt32(max)) : create);
      List<Stored> model = new ArrayList<>();
      int nextId = 0;
      for (Write write : writes) {
        nextId = apply(harness, model, write, nextId, size, max);
        assertThat(ids(harness)).as("after %s", write).isEqualTo(model.stream().map(Stored::id).toList());
      }
      BsonDocument stats = harness.run("db", BsonDocument.parse("{collStats: 'c'}"));
      assertThat(stats.getNumber("count").longValue()).isEqualTo(model.size());
      assertThat(stats.getNumber("size").longValue()).isEqualTo(model.stream().mapToLong(Stored::size).sum());
      IndexConsistency.check(engine);
    }
  }

  private static int apply(CommandHarness harness, List<Stored> model, Write write, int nextId, int size, int max) {
    if (write.kind().equals("insert") || model.isEmpty()) {
      BsonDocument document = document(nextId, write.padding());
      harness.run("db", new BsonDocument("insert", new BsonString("c"))
          .append("documents", new BsonArray(List.of(document))));
      model.add(new Stored(nextId, BsonBytes.size(document)));
      while (model.size() > 1 && (total(model) > size || max > 0 && model.size() > max)) {
        model.remove(0);
      }
      return nextId + 1;
    }
    int index = write.target() % model.size();
    int id = model.get(index).id();
    if (write.kind().equals("update")) {
      BsonDocument document = document(id, write.padding());
      harness.run("db", BsonDocument.parse("{update: 'c'}").append("updates", new BsonArray(List.of(
          new BsonDocument("q", new BsonDocument("_id", new BsonInt32(id))).append("u", document)))));
      model.set(index, new Stored(id, BsonBytes.size(document)));
    } else {
      harness.run("db", BsonDocument.parse("{delete: 'c'}").append("deletes", new BsonArray(List.of(
          new BsonDocument("q", new BsonDocument("_id", new BsonInt32(id))).append("limit", new BsonInt32(1))))));
      model.remove(index);
    }
    return nextId;
  }

  private static long total(List<Stored> model) {
    return model.stream().mapToLong(Stored::size).sum();
  }

  private static BsonDocument document(int id, int padding) {
    return new BsonDocument("_id", new BsonInt32(id)).append("p", new BsonString("x".repeat(padding)));
  }

  private static List<Integer> ids(CommandHarness harness) {
    BsonDocument reply = harness.run("db", BsonDocument.parse("{find: 'c', batchSize: 100000}"));
    List<Integer> ids = new ArrayList<>();
    for (BsonValue document : reply.getDocument("cursor").getArray("firstBatch")) {
      ids.add(document.asDocument().getInt32("_id").getValue());
    }
    assertThat(reply.getDocument("cursor").getNumber("id").longValue()).isZero();
    return ids;
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    Arbitrary<String> kinds = Arbitraries.of("insert", "insert", "insert", "update", "delete");
    return Combinators.combine(kinds, Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 900))
        .as(Write::new).list().ofMaxSize(40);
  }
}

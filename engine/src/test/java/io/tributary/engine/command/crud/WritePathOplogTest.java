package io.tributary.engine.command.crud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.IndexConsistency;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.OplogEntry;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.storage.memory.InMemoryStorageEngine;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every write path logs exactly the oplog entries mongod would, in the same commit as the change. */
class WritePathOplogTest {
  private final Engine engine = Engine.builder().storage(new InMemoryStorageEngine()).build();
  private final CommandHarness harness = new CommandHarness(engine);
  private BsonTimestamp seen = new BsonTimestamp(0, 0);

  @AfterEach
  void checkInvariants() {
    IndexConsistency.check(engine);
    assertThat(engine.cursors().size()).isZero();
    List<OplogEntry> all = engine.oplog().readAfter(new BsonTimestamp(0, 0), Integer.MAX_VALUE);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).clusterTime()).isGreaterThan(all.get(i - 1).clusterTime());
    }
    engine.close();
  }

  @Test
  void updatesLogDescriptionsReplacementsLogDocumentsUpsertsLogInserts() {
    run("{insert: 'c', documents: [{_id: 1, a: 1}, {_id: 2, a: 1}]}");
    newEntries();
    run("{update: 'c', updates: [{q: {}, u: {$set: {b: 2}}, multi: true}]}");
    List<OplogEntry> updates = newEntries();
    assertThat(updates).hasSize(2).allSatisfy(e -> assertThat(e.operation()).isInstanceOf(Operation.Update.class));
    Operation.Update update = (Operation.Update) updates.get(0).operation();
    assertThat(update.documentKey()).isEqualTo(BsonDocument.parse("{_id: 1}"));
    assertThat(update.description().updatedFields()).isEqualTo(BsonDocument.parse("{b: 2}"));
    assertThat(update.preImage()).isNull();

    run("{update: 'c', updates: [{q: {_id: 1}, u: {z: 1}}]}");
    Operation.Replace replace = (Operation.Replace) single(newEntries());
    assertThat(replace.document()).isEqualTo(BsonDocument.parse("{_id: 1, z: 1}"));

    BsonDocument upsert = run("{update: 'c', updates: [{q: {_id: 7}, u: {$set: {u: 1}}, upsert: true}]}");
    assertThat(upsert).isEqualTo(BsonDocument.parse("{n: 1, upserted: [{index: 0, _id: 7}], nModified: 0}"));
    assertThat(((Operation.Insert) single(newEntries())).document()).isEqualTo(BsonDocument.parse("{_id: 7, u: 1}"));

    BsonDocument noop = run("{update: 'c', updates: [{q: {_id: 7}, u: {$set: {u: 1}}}]}");
    assertThat(noop).isEqualTo(BsonDocument.parse("{n: 1, nModified: 0}"));
    assertThat(newEntries()).isEmpty();
  }

  @Test
  void deletesAndFindAndModifyLogOneEntryPerDocument() {
    run("{insert: 'c', documents: [{_id: 1}, {_id: 2}, {_id: 3}]}");
    newEntries();
    run("{delete: 'c', deletes: [{q: {_id: {$gt: 1}}, limit: 0}]}");
    assertThat(newEntries()).extracting(e -> ((Operation.Delete) e.operation()).documentKey())
        .containsExactly(BsonDocument.parse("{_id: 2}"), BsonDocument.parse("{_id: 3}"));
    BsonDocument modified = run("{findAndModify: 'c', query: {_id: 1}, update: {$inc: {n: 1}}, new: true}");
    assertThat(modified).isEqualTo(BsonDocument.parse(
        "{lastErrorObject: {n: 1, updatedExisting: true}, value: {_id: 1, n: 1}}"));
    assertThat(single(newEntries())).isInstanceOf(Operation.Update.class);
    BsonDocument removed = run("{findAndModify: 'c', query: {_id: 1}, remove: true}");
    assertThat(removed).isEqualTo(BsonDocument.parse("{lastErrorObject: {n: 1}, value: {_id: 1, n: 1}}"));
    assertThat(single(newEntries())).isInstanceOf(Operation.Delete.class);
    BsonDocument upserted = run("{findAndModify: 'c', query: {_id: 5}, update: {$set: {x: 1}}, upsert: true}");
    assertThat(upserted).isEqualTo(BsonDocument.parse(
        "{lastErrorObject: {n: 1, updatedExisting: false, upserted: 5}, value: null}"));
    assertThat(single(newEntries())).isInstanceOf(Operation.Insert.class);
  }

  @Test
  void preAndPostImagesAreRecordedWhenTheCollectionAsksForThem() {
    run("{create: 'c', changeStreamPreAndPostImages: {enabled: true}}");
    Operation.Create create = (Operation.Create) single(newEntries());
    assertThat(create.options().getDocument("changeStreamPreAndPostImages"))
        .isEqualTo(BsonDocument.parse("{enabled: true}"));
    assertThat(create.options().getDocument("idIndex").getString("name").getValue()).isEqualTo("_id_");
    run("{insert: 'c', documents: [{_id: 1, a: 1}]}");
    newEntries();
    run("{update: 'c', updates: [{q: {_id: 1}, u: {$set: {a: 2}}}]}");
    Operation.Update update = (Operation.Update) single(newEntries());
    assertThat(update.preImage()).isEqualTo(BsonDocument.parse("{_id: 1, a: 1}"));
    assertThat(update.postImage()).isEqualTo(BsonDocument.parse("{_id: 1, a: 2}"));
    run("{update: 'c', updates: [{q: {_id: 1}, u: {b: 1}}]}");
    assertThat(((Operation.Replace) single(newEntries())).preImage()).isEqualTo(BsonDocument.parse("{_id: 1, a: 2}"));
    run("{collMod: 'c', changeStreamPreAndPostImages: {enabled: false}}");
    Operation.Modify modify = (Operation.Modify) single(newEntries());
    assertThat(modify.changes()).isEqualTo(BsonDocument.parse("{changeStreamPreAndPostImages: {enabled: false}}"));
    run("{delete: 'c', deletes: [{q: {_id: 1}, limit: 1}]}");
    assertThat(((Operation.Delete) single(newEntries())).preImage()).isNull();
  }

  @Test
  void ddlCommandsLogTheirOperations() {
    run("{insert: 'a', documents: [{_id: 1, k: 1}]}");
    newEntries();
    run("{createIndexes: 'a', indexes: [{key: {k: 1}, name: 'k_1', unique: true}, {key: {j: -1}, name: 'j_-1'}]}");
    assertThat(newEntries()).extracting(e -> ((Operation.CreateIndex) e.operation()).spec().getString("name")
        .getValue()).containsExactly("k_1", "j_-1");
    run("{dropIndexes: 'a', index: '*'}");
    assertThat(newEntries()).hasSize(2).allSatisfy(e -> assertThat(e.operation()).isInstanceOf(Operation.DropIndex.class));
    harness.run("admin", "{renameCollection: 'db.a', to: 'db.b'}");
    Operation.Rename rename = (Operation.Rename) single(newEntries());
    assertThat(rename.target()).isEqualTo(Namespace.of("db", "b"));
    assertThat(run("{find: 'b'}").getDocument("cursor").getArray("firstBatch")).hasSize(1);
    run("{insert: 'c', documents: [{}]}");
    newEntries();
    run("{drop: 'c'}");
    assertThat(single(newEntries())).isInstanceOf(Operation.Drop.class);
    run("{dropDatabase: 1}");
    assertThat(newEntries()).extracting(e -> e.operation().getClass().getSimpleName())
        .containsExactly("Drop", "DropDatabase");
    assertThat(engine.catalog().databases()).isEmpty();
  }

  @Test
  void aFailedStatementWritesNothing() {
    run("{insert: 'c', documents: [{_id: 1, k: 1}, {_id: 2, k: 2}]}");
    run("{createIndexes: 'c', indexes: [{key: {k: 1}, name: 'k_1', unique: true}]}");
    newEntries();
    BsonDocument reply = run("{update: 'c', updates: [{q: {}, u: {$set: {k: 1}}, multi: true}]}");
    assertThat(reply.getArray("writeErrors").get(0).asDocument().getInt32("code").getValue()).isEqualTo(11000);
    assertThat(newEntries()).isEmpty();
    assertThatThrownBy(() -> run("{createIndexes: 'c', indexes: [{key: {z: 1}, name: 'z_1', unique: true}]}"))
        .isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(11000));
    assertThat(newEntries()).isEmpty();
  }

  private BsonDocument run(String json) {
    return harness.run("db", json);
  }

  private List<OplogEntry> newEntries() {
    List<OplogEntry> entries = engine.oplog().readAfter(seen, Integer.MAX_VALUE);
    if (!entries.isEmpty()) {
      seen = entries.get(entries.size() - 1).clusterTime();
    }
    return entries;
  }

  private static Operation single(List<OplogEntry> entries) {
    assertThat(entries).hasSize(1);
    return entries.get(0).operation();
  }
}

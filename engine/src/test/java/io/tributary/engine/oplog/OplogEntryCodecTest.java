package io.tributary.engine.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Namespace;
import io.tributary.engine.update.UpdateDescription;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation variant survives encoding to the stored BSON form and back. */
class OplogEntryCodecTest {
  private static final Namespace NS = Namespace.of("db", "c");
  private static final UUID UUID_1 = UUID.fromString("0b9a2a4e-7f3c-4d2a-9a53-3f1e2f9c8d71");
  private static final BsonDocument KEY = BsonDocument.parse("{_id: 1}");
  private static final BsonDocument DOC = BsonDocument.parse("{_id: 1, a: [1, {b: 2}]}");

  static List<Operation> operations() {
    UpdateDescription description = new UpdateDescription(BsonDocument.parse("{'a.1.b': 3}"), List.of("x"),
        List.of(new UpdateDescription.TruncatedArray("arr", 2)), BsonDocument.parse("{'a.1.b': ['a', 1, 'b']}"));
    return List.of(
        new Operation.Insert(NS, UUID_1, KEY, DOC),
        new Operation.Update(NS, UUID_1, KEY, description, null, null),
        new Operation.Update(NS, UUID_1, KEY, description, DOC, BsonDocument.parse("{_id: 1}")),
        new Operation.Replace(NS, UUID_1, KEY, DOC, null),
        new Operation.Replace(NS, UUID_1, KEY, DOC, BsonDocument.parse("{_id: 1, old: true}")),
        new Operation.Delete(NS, UUID_1, KEY, null),
        new Operation.Delete(NS, UUID_1, KEY, DOC),
        new Operation.Create(NS, UUID_1, BsonDocument.parse("{idIndex: {v: 2, key: {_id: 1}, name: '_id_'}}")),
        new Operation.Drop(NS, UUID_1),
        new Operation.Rename(NS, UUID_1, Namespace.of("other", "d"), null),
        new Operation.Rename(NS, UUID_1, Namespace.of("db", "d"), UUID.randomUUID()),
        new Operation.DropDatabase(Namespace.of("db", "$cmd")),
        new Operation.CreateIndex(NS, UUID_1, BsonDocument.parse("{v: 2, key: {a: 1}, name: 'a_1'}")),
        new Operation.DropIndex(NS, UUID_1, BsonDocument.parse("{v: 2, key: {a: 1}, name: 'a_1'}")),
        new Operation.Modify(NS, UUID_1, BsonDocument.parse("{changeStreamPreAndPostImages: {enabled: true}}"),
            BsonDocument.parse("{collectionOptions: {}}")),
        new Operation.Noop(Namespace.of("admin", "$cmd"), BsonDocument.parse("{msg: 'periodic noop'}")),
        new Operation.ApplyOps(List.of(
            new Operation.Create(Namespace.of("db", "new"), UUID_1, BsonDocument.parse("{}")),
            new Operation.Insert(NS, UUID_1, KEY, DOC),
            new Operation.Update(NS, UUID_1, KEY, description, DOC, BsonDocument.parse("{_id: 1}")),
            new Operation.Delete(Namespace.of("other", "d"), UUID_1, KEY, DOC))));
  }

  @Test
  void aTransactionIsOneMongodShapedApplyOpsEntry() {
    OplogEntry entry = new OplogEntry(new BsonTimestamp(1_700_000_000, 7), 1_700_000_000_123L,
        new Operation.ApplyOps(List.of(new Operation.Insert(NS, UUID_1, KEY, DOC),
            new Operation.Delete(NS, UUID_1, KEY, null))),
        new SessionInfo(BsonDocument.parse("{id: 1}"), 5, 0, true));
    BsonDocument stored = OplogEntryCodec.toBson(entry);
    assertThat(stored.getString("op").getValue()).isEqualTo("c");
    assertThat(stored.getString("ns").getValue()).isEqualTo("admin.$cmd");
    assertThat(stored.getDocument("o").getArray("applyOps")).extracting(o -> o.asDocument().getString("op").getValue())
        .containsExactly("i", "d");
  }

  @Test
  void theEntriesOfATransactionStoredAsSeveralCarryMongodsChainFields() {
    Operation insert = new Operation.Insert(NS, UUID_1, KEY, DOC);
    BsonTimestamp first = new BsonTimestamp(1_700_000_000, 1);
    OplogEntry partial = new OplogEntry(new BsonTimestamp(1_700_000_000, 2), 5,
        new Operation.ApplyOps(List.of(insert), TransactionChain.partial(first)), null);
    OplogEntry commit = new OplogEntry(new BsonTimestamp(1_700_000_000, 3), 5,
        new Operation.ApplyOps(List.of(insert), TransactionChain.commit(partial.clusterTime(), 3)), null);

    assertThat(OplogEntryCodec.toBson(partial).getDocument("o").getBoolean("partialTxn").getValue()).isTrue();
    assertThat(OplogEntryCodec.toBson(partial).getTimestamp("prevOpTime")).isEqualTo(first);
    assertThat(OplogEntryCodec.toBson(commit).getDocument("o").getInt64("count").getValue()).isEqualTo(3);
    assertThat(OplogEntryCodec.decode(OplogEntryCodec.encode(partial))).isEqualTo(partial);
    assertThat(OplogEntryCodec.decode(OplogEntryCodec.encode(commit))).isEqualTo(commit);
  }

  @Test
  void entriesStoredOnePerTransactionOperationStillDecode() {
    // Before a transaction was one entry, each of its operations had its own entry marked inTxn.
    BsonDocument stored = BsonDocument.parse("{ts: {$timestamp: {t: 1, i: 2}}, wall: {$date: 5}, ns: 'db.c',"
        + " op: 'i', ui: {$binary: {base64: 'C5oqTn88TSqaUz8eL5yNcQ==', subType: '04'}}, o2: {_id: 1},"
        + " o: {_id: 1, a: [1, {b: 2}]}, lsid: {id: 1}, txnNumber: {$numberLong: '5'}, stmtId: 0, inTxn: true}");
    OplogEntry entry = OplogEntryCodec.fromBson(stored);
    assertThat(entry.operations()).containsExactly(new Operation.Insert(NS, UUID_1, KEY, DOC));
    assertThat(entry.session().inTransaction()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("operations")
  void roundTrips(Operation operation) {
    OplogEntry entry = new OplogEntry(new BsonTimestamp(1_700_000_000, 7), 1_700_000_000_123L, operation, null);
    assertThat(OplogEntryCodec.decode(OplogEntryCodec.encode(entry))).isEqualTo(entry);
    SessionInfo session = new SessionInfo(BsonDocument.parse("{id: 1}"), 5, 2, true);
    OplogEntry withSession = new OplogEntry(entry.clusterTime(), entry.wallTimeMillis(), operation, session);
    assertThat(OplogEntryCodec.decode(OplogEntryCodec.encode(withSession))).isEqualTo(withSession);
  }
}

package io.tributary.engine.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.Namespace;
import io.tributary.engine.update.UpdateDescription;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

/** Entries render in mongod's {@code local.oplog.rs} shape, field order included. */
class OplogDocumentTest {
  private static final Namespace NS = Namespace.of("db", "c");
  private static final UUID UI = UUID.fromString("0b9a2a4e-7f3c-4d2a-9a53-3f1e2f9c8d71");
  private static final String UI_JSON = "{$binary: {base64: 'C5oqTn88TSqaUz8eL5yNcQ==', subType: '04'}}";
  /** mongod's uid of a session without authentication. */
  private static final String NO_AUTH_UID =
      "{$binary: {base64: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=', subType: '00'}}";
  private static final String TAIL = "ts: {$timestamp: {t: 100, i: 7}}, t: {$numberLong: '1'}, v: {$numberLong: '2'},"
      + " wall: {$date: 100000}";

  private static BsonDocument render(Operation operation, SessionInfo session) {
    return OplogDocument.of(new OplogEntry(new BsonTimestamp(100, 7), 100_000, operation, session));
  }

  private static BsonDocument expected(String fields) {
    return BsonDocument.parse("{" + fields + ", " + TAIL + "}");
  }

  @Test
  void aRetryableInsertCarriesItsSessionAroundTheOperation() {
    BsonDocument lsid = BsonDocument.parse("{id: 1}");
    BsonDocument rendered = render(new Operation.Insert(NS, UI, BsonDocument.parse("{_id: 1}"),
        BsonDocument.parse("{_id: 1, a: 1}")), new SessionInfo(lsid, 5, 0, false));

    assertThat(rendered.toJson()).isEqualTo(expected("lsid: {id: 1, uid: " + NO_AUTH_UID + "}, txnNumber: {$numberLong: '5'}, op: 'i',"
        + " ns: 'db.c', ui: " + UI_JSON + ", o: {_id: 1, a: 1}, o2: {_id: 1}, stmtId: 0").toJson());
  }

  @Test
  void aTransactionIsOneApplyOpsCommandOnAdminWithItsSessionAndANullPrevOpTime() {
    BsonDocument lsid = BsonDocument.parse("{id: 1}");
    BsonDocument rendered = render(new Operation.ApplyOps(List.of(
        new Operation.Insert(NS, UI, BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 1, a: 1}")),
        new Operation.Create(Namespace.of("db", "d"), UI, BsonDocument.parse("{}")),
        new Operation.Delete(NS, UI, BsonDocument.parse("{_id: 2}"), null))), new SessionInfo(lsid, 5, 0, true));

    assertThat(rendered.toJson()).isEqualTo(expected("lsid: {id: 1, uid: " + NO_AUTH_UID + "}, txnNumber: {$numberLong: '5'}, op: 'c',"
        + " ns: 'admin.$cmd', o: {applyOps: ["
        + "{op: 'i', ns: 'db.c', ui: " + UI_JSON + ", o: {_id: 1, a: 1}, o2: {_id: 1}},"
        + " {op: 'c', ns: 'db.$cmd', ui: " + UI_JSON + ", o: {create: 'd'}},"
        + " {op: 'd', ns: 'db.c', ui: " + UI_JSON + ", o: {_id: 2}}]}")
        .append("prevOpTime", BsonDocument.parse("{ts: {$timestamp: {t: 0, i: 0}}, t: {$numberLong: '-1'}}"))
        .toJson());
  }

  @Test
  void theEntriesOfATransactionStoredAsSeveralAreLinkedByPrevOpTime() {
    Operation delete = new Operation.Delete(NS, UI, BsonDocument.parse("{_id: 2}"), null);
    BsonDocument partial = render(new Operation.ApplyOps(List.of(delete), TransactionChain.partial(null)), null);
    BsonDocument commit = render(new Operation.ApplyOps(List.of(delete),
        TransactionChain.commit(new BsonTimestamp(100, 6), 2)), null);

    assertThat(partial.getDocument("o").keySet()).containsExactly("applyOps", "partialTxn");
    assertThat(partial.getDocument("prevOpTime"))
        .isEqualTo(BsonDocument.parse("{ts: {$timestamp: {t: 0, i: 0}}, t: {$numberLong: '-1'}}"));
    assertThat(commit.getDocument("o").get("count")).isEqualTo(new org.bson.BsonInt64(2));
    assertThat(commit.getDocument("prevOpTime"))
        .isEqualTo(BsonDocument.parse("{ts: {$timestamp: {t: 100, i: 6}}, t: {$numberLong: '1'}}"));
  }

  @Test
  void anUpdateIsAVersion2DiffWithNestedSubDiffs() {
    UpdateDescription description = new UpdateDescription(BsonDocument.parse("{'a.b': 2, 'a.c': 3, x: 1}"),
        List.of("a.d", "y"), List.of(new UpdateDescription.TruncatedArray("arr", 2)), new BsonDocument());

    BsonDocument rendered = render(new Operation.Update(NS, UI, BsonDocument.parse("{_id: 1}"), description,
        BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 1}")), null);

    assertThat(rendered.getDocument("o")).isEqualTo(BsonDocument.parse(
        "{$v: 2, diff: {sa: {u: {b: 2, c: 3}, d: {d: false}}, u: {x: 1}, d: {y: false}, sarr: {a: true, l: 2}}}"));
    assertThat(rendered.getString("op").getValue()).isEqualTo("u");
    assertThat(rendered.keySet()).doesNotContain("preImage", "postImage");
  }

  @Test
  void aReplacementIsAnUpdateWithTheWholeDocumentAndADeleteNamesTheKey() {
    assertThat(render(new Operation.Replace(NS, UI, BsonDocument.parse("{_id: 1}"), BsonDocument.parse("{_id: 1, b: 1}"),
        null), null).toJson()).isEqualTo(expected(
            "op: 'u', ns: 'db.c', ui: " + UI_JSON + ", o: {_id: 1, b: 1}, o2: {_id: 1}").toJson());
    assertThat(render(new Operation.Delete(NS, UI, BsonDocument.parse("{_id: 1}"), null), null).toJson())
        .isEqualTo(expected("op: 'd', ns: 'db.c', ui: " + UI_JSON + ", o: {_id: 1}").toJson());
  }

  @Test
  void commandsRunOnTheDatabasesCmdNamespace() {
    assertThat(render(new Operation.Create(NS, UI, BsonDocument.parse("{capped: true, size: 1024}")), null).toJson())
        .isEqualTo(expected("op: 'c', ns: 'db.$cmd', ui: " + UI_JSON + ", o: {create: 'c', capped: true, size: 1024}")
            .toJson());
    assertThat(render(new Operation.Rename(NS, UI, Namespace.of("db", "d"), null), null).getDocument("o"))
        .isEqualTo(BsonDocument.parse("{renameCollection: 'db.c', to: 'db.d', stayTemp: false}"));
    BsonDocument dropIndex = render(new Operation.DropIndex(NS, UI, BsonDocument.parse(
        "{v: 2, key: {a: 1}, name: 'a_1'}")), null);
    assertThat(dropIndex.getDocument("o")).isEqualTo(BsonDocument.parse("{dropIndexes: 'c', index: 'a_1'}"));
    assertThat(dropIndex.getDocument("o2")).isEqualTo(BsonDocument.parse("{v: 2, key: {a: 1}, name: 'a_1'}"));
    assertThat(render(new Operation.DropDatabase(Namespace.of("db", "$cmd")), null).toJson())
        .isEqualTo(expected("op: 'c', ns: 'db.$cmd', o: {dropDatabase: 1}").toJson());
  }

  @Test
  void aNoopHasAnEmptyNamespace() {
    assertThat(render(new Operation.Noop(NS, BsonDocument.parse("{msg: 'periodic noop'}")), null).toJson())
        .isEqualTo(expected("op: 'n', ns: '', o: {msg: 'periodic noop'}").toJson());
  }
}

package io.tributary.engine.command.crud;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The part of a command's {@code writeConcern} that matters on a one-member replica set: whether the write must
 * be durable before it is acknowledged. That is the case for {@code j: true} and for {@code w: "majority"},
 * which is also the implicit default since MongoDB 5.0 (with {@code writeConcernMajorityJournalDefault}); only
 * an explicit numeric {@code w} without {@code j: true} acknowledges before the sync. Immutable.
 */
public record WriteConcern(boolean durable) {
  public static WriteConcern of(BsonDocument command) {
    BsonDocument concern = concern(command);
    BsonValue journal = concern.get("j");
    if (journal != null && journal.isBoolean()) {
      return new WriteConcern(journal.asBoolean().getValue() || isMajority(concern.get("w")));
    }
    return new WriteConcern(isMajority(concern.get("w")));
  }

  /**
   * The {@code errInfo} of a {@code writeConcernError}: {@code {writeConcern: ...}}, the write concern mongod
   * reports having waited for. A majority wait (mongod waits for the majority point, which on one member is the
   * durable point) reports the majority concern with its {@code provenance}; a numeric {@code w} with
   * {@code j: true} fails while flushing the journal, before mongod records the concern, so it reports the
   * default-constructed {@code {w: 1, wtimeout: 0}}.
   */
  public static BsonDocument errInfo(BsonDocument command) {
    BsonDocument concern = concern(command);
    BsonDocument used;
    if (isMajority(concern.get("w"))) {
      BsonValue w = concern.get("w");
      used = new BsonDocument("w", w == null ? new BsonString("majority") : w);
      if (concern.isBoolean("j")) {
        used.append("j", concern.get("j"));
      }
      used.append("wtimeout", wtimeout(concern)).append("provenance",
          new BsonString(command.containsKey("writeConcern") ? "clientSupplied" : "implicitDefault"));
    } else {
      used = new BsonDocument("w", new BsonInt32(1)).append("wtimeout", new BsonInt32(0));
    }
    return new BsonDocument("writeConcern", used);
  }

  private static BsonDocument concern(BsonDocument command) {
    return command.isDocument("writeConcern") ? command.getDocument("writeConcern") : new BsonDocument();
  }

  private static BsonInt32 wtimeout(BsonDocument concern) {
    return new BsonInt32(concern.isNumber("wtimeout") ? concern.getNumber("wtimeout").intValue() : 0);
  }

  private static boolean isMajority(BsonValue w) {
    return w == null || w.isString();
  }
}

package io.tributary.engine.command.crud;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The part of a command's {@code writeConcern} that matters on a one-member replica set: whether the write must
 * be durable before it is acknowledged. That is the case for {@code j: true} and for {@code w: "majority"},
 * which is also the implicit default since MongoDB 5.0 (with {@code writeConcernMajorityJournalDefault}); only
 * an explicit numeric {@code w} without {@code j: true} acknowledges before the sync. Immutable.
 */
public record WriteConcern(boolean durable) {
  public static WriteConcern of(BsonDocument command) {
    BsonDocument concern = command.getDocument("writeConcern", new BsonDocument());
    BsonValue journal = concern.get("j");
    if (journal != null && journal.isBoolean()) {
      return new WriteConcern(journal.asBoolean().getValue() || isMajority(concern.get("w")));
    }
    return new WriteConcern(isMajority(concern.get("w")));
  }

  private static boolean isMajority(BsonValue w) {
    return w == null || w.isString();
  }
}

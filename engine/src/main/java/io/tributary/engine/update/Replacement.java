package io.tributary.engine.update;

import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.error.ErrorCode;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Replaces a document's contents (mongod's {@code ObjectReplaceExecutor}), for replacement updates and for the
 * output of pipeline updates: the original {@code _id} is kept when the new contents have none, the result must
 * be valid for storage ({@code $}-prefixed top-level fields are allowed only in pipeline output and in documents
 * an upsert inserts), and {@code _id} may not change (not even from the value an upsert's filter gave it).
 * Stateless.
 */
final class Replacement {
  private Replacement() {}

  /**
   * The document {@code original} becomes when replaced by {@code contents}, or null when that is the original
   * itself (a no-op). {@code allowTopLevelDollar} is true for pipeline output ({@code $replaceWith} may produce
   * {@code $}-prefixed fields).
   */
  static BsonDocument replace(BsonDocument original, BsonDocument contents, boolean insert,
      boolean allowTopLevelDollar) {
    if (Values.identical(original, contents)) {
      return null;
    }
    BsonDocument result = new BsonDocument();
    if (!contents.containsKey("_id") && original.containsKey("_id")) {
      result.append("_id", original.get("_id"));
    }
    for (Map.Entry<String, BsonValue> entry : contents.entrySet()) {
      result.append(entry.getKey(), Values.deepCopy(entry.getValue()));
    }
    if (allowTopLevelDollar || insert) {
      StorageRules.checkId(result);
    } else {
      StorageRules.checkDocument(result);
    }
    checkIdUnchanged(original, result);
    return result;
  }

  private static void checkIdUnchanged(BsonDocument original, BsonDocument result) {
    BsonValue oldId = original.get("_id");
    BsonValue newId = result.get("_id");
    if (oldId != null && newId != null && BsonOrder.compare(oldId, newId) != 0) {
      throw ErrorCode.IMMUTABLE_FIELD.error("After applying the update, the (immutable) field '_id' was found to"
          + " have been altered to " + BsonText.element("_id", newId));
    }
  }
}

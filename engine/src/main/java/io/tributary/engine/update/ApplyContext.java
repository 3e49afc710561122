package io.tributary.engine.update;

import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * What one application of an update needs besides the tree: the document being modified (for {@code _id} in error
 * messages and {@code $rename}), the array position the query matched (for {@code $}), whether the document is
 * being inserted by an upsert, and the clock readings for {@code $currentDate}.
 */
record ApplyContext(BsonDocument document, String matchedField, boolean insert, BsonDateTime now,
    BsonTimestamp clusterTime) {

  /** {@code _id: <value>}, or {@code no id}, as mongod names the document in error messages. */
  String idText() {
    return document.containsKey("_id") ? BsonText.element("_id", document.get("_id")) : "no id";
  }
}

package io.tributary.engine.changestream;

import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * Splits a change event larger than the 16 MiB BSON limit into fragments for
 * {@code $changeStreamSplitLargeEvent}. Stateless and thread-safe.
 *
 * <p>spec: reference §1.5. Each fragment is {@code {_id: <fragment token>, splitEvent: {fragment: i, of: n},
 * <some top-level fields>}} with {@code fragment} 1-based and the token's fragmentNum 0-based; fields keep their
 * order and are packed greedily. A single field that cannot fit a fragment fails with BSONObjectTooLarge.
 */
final class EventSplitter {
  /** Room kept in every fragment for {@code _id} and {@code splitEvent}. */
  private static final int FRAGMENT_HEADER_ROOM = 16 * 1024;

  private EventSplitter() {}

  static List<BsonDocument> split(BsonDocument event, ResumeToken token) {
    List<BsonDocument> groups = new ArrayList<>();
    BsonDocument current = new BsonDocument();
    int currentSize = 0;
    int limit = EventSize.MAX_BSON_SIZE - FRAGMENT_HEADER_ROOM;
    for (Map.Entry<String, org.bson.BsonValue> field : event.entrySet()) {
      if (field.getKey().equals("_id")) {
        continue;
      }
      int size = EventSize.of(new BsonDocument(field.getKey(), field.getValue()));
      if (size > limit) {
        throw ErrorCode.BSON_OBJECT_TOO_LARGE.error("BSONObj size: " + size + " is invalid. Size must be between 0"
            + " and 16793600(16MB): the field '" + field.getKey() + "' of a change event is too large to split");
      }
      if (currentSize + size > limit) {
        groups.add(current);
        current = new BsonDocument();
        currentSize = 0;
      }
      current.append(field.getKey(), field.getValue());
      currentSize += size;
    }
    groups.add(current);
    return fragments(groups, token);
  }

  private static List<BsonDocument> fragments(List<BsonDocument> groups, ResumeToken token) {
    List<BsonDocument> fragments = new ArrayList<>(groups.size());
    for (int i = 0; i < groups.size(); i++) {
      BsonDocument fragment = new BsonDocument("_id", token.fragment(i).toBson())
          .append("splitEvent", new BsonDocument("fragment", new BsonInt32(i + 1))
              .append("of", new BsonInt32(groups.size())));
      fragment.putAll(groups.get(i));
      fragments.add(fragment);
    }
    return fragments;
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.ReadView;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The documents of a collection that match a filter, lazily, in natural order. An equality on {@code _id}
 * ({@code {_id: 5}}) is answered through the {@code _id} index; anything else scans the collection (the query
 * planner replaces this with index bounds). The returned stream holds storage resources: close it. Stateless.
 */
public final class CollectionQuery {
  private CollectionQuery() {}

  public static Stream<MatchedDocument> matching(ReadView view, CollectionMetadata collection, BsonDocument filter) {
    return matching(view, collection, filter, Matcher.compile(filter));
  }

  /** As {@link #matching(ReadView, CollectionMetadata, BsonDocument)}, with {@code filter} already compiled. */
  public static Stream<MatchedDocument> matching(ReadView view, CollectionMetadata collection, BsonDocument filter,
      Matcher matcher) {
    BsonValue id = idEquality(filter);
    if (id != null) {
      return Documents.findById(view, collection, id).stream()
          .map(stored -> new MatchedDocument(stored, matcher.match(stored.document())))
          .filter(m -> m.match().matched());
    }
    DocumentCursor cursor = Documents.scan(view, collection, false);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
        .onClose(cursor::close)
        .map(stored -> new MatchedDocument(stored, matcher.match(stored.document())))
        .filter(m -> m.match().matched());
  }

  /** The value of a plain {@code _id} equality in the filter, or null. */
  static BsonValue idEquality(BsonDocument filter) {
    BsonValue id = filter.get("_id");
    if (id == null || id.isRegularExpression() || id.isArray() || id.isNull()) {
      return null;
    }
    if (id.isDocument() && id.asDocument().keySet().stream().anyMatch(k -> k.startsWith("$"))) {
      return null;
    }
    return id;
  }
}

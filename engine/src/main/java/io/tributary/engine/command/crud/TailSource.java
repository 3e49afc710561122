package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.storage.ReadView;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonTimestamp;

/**
 * What a {@link TailableCursor} follows, in insertion order, each document at a position that only grows: a capped
 * collection's records (position: the record id) or the oplog's entries ({@code local.oplog.rs}, position: the
 * cluster time's value). Immutable and thread-safe.
 */
sealed interface TailSource {
  ErrorCode QUERY_PLAN_KILLED = new ErrorCode(175, "QueryPlanKilled");

  /**
   * The documents after {@code position} (0: from the first) in {@code view}, as {@link StoredDocument}s whose
   * record id is their position; close the cursor. Fails with CappedPositionLost (136) when the document at a
   * position other than 0 is gone, as mongod's collection scan does when it cannot restore to it.
   */
  DocumentCursor after(ReadView view, long position);

  /** The namespace whose writes may give the cursor more, or null when every oplog entry may. */
  Namespace watched();

  static MongoError positionLost(long position) {
    return ErrorCode.CAPPED_POSITION_LOST.error("CollectionScan died due to position in capped collection being"
        + " deleted. Last seen record id: RecordId(" + position + ")");
  }

  /** A capped collection, while the collection the cursor was opened on (by UUID) exists. */
  record Collection(Engine engine, Namespace namespace, UUID uuid) implements TailSource {
    static Collection of(Engine engine, CollectionMetadata collection) {
      return new Collection(engine, collection.namespace(), collection.uuid());
    }

    @Override
    public DocumentCursor after(ReadView view, long position) {
      CollectionMetadata collection = engine.catalog().lookup(namespace).filter(c -> c.uuid().equals(uuid))
          .orElseThrow(() -> QUERY_PLAN_KILLED.error("collection dropped. UUID " + uuid));
      if (position > 0 && Documents.get(view, collection, position).isEmpty()) {
        throw positionLost(position);
      }
      return Documents.scanFrom(view, collection, position + 1);
    }

    @Override
    public Namespace watched() {
      return namespace;
    }
  }

  /** The oplog as {@code local.oplog.rs} shows it; a position older than the oldest retained entry is lost. */
  record Oplog(Engine engine) implements TailSource {
    @Override
    public DocumentCursor after(ReadView view, long position) {
      BsonTimestamp oldest = engine.oplog().oldestRetained();
      if (position > 0 && oldest != null && oldest.getValue() > position) {
        throw positionLost(position);
      }
      Stream<BsonDocument> entries = OplogCollection.documents(view, engine.oplog(),
          new BsonTimestamp(position + 1), false);
      return DocumentCursor.map(entries.iterator(),
          entry -> new StoredDocument(entry.getTimestamp("ts").getValue(), entry), entries::close);
    }

    @Override
    public Namespace watched() {
      return null;
    }
  }
}

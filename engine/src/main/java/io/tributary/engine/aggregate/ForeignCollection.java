package io.tributary.engine.aggregate;

import io.tributary.engine.Namespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;

/** The other collection a {@code $lookup} or {@code $unionWith} reads; a null {@code db} is the aggregate's own. */
public record ForeignCollection(String db, String collection) {
  public Namespace in(PipelineContext context) {
    return Namespace.of(db == null ? context.database() : db, collection);
  }

  /** The documents of {@code collection}, none when it is null (a pipeline starting with {@code $documents}). */
  static Iterator<BsonDocument> scan(ForeignCollection collection, Execution execution) {
    return collection == null ? Collections.emptyIterator()
        : execution.context().scan(collection.in(execution.context())).iterator();
  }

  /** All documents of {@code collection}, read at once (what {@code $lookup} and {@code $graphLookup} search). */
  static List<BsonDocument> readAll(ForeignCollection collection, Execution execution) {
    List<BsonDocument> documents = new ArrayList<>();
    scan(collection, execution).forEachRemaining(documents::add);
    return documents;
  }
}

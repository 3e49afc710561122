package io.tributary.engine.plan;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.storage.ReadView;
import org.bson.BsonDocument;
import org.bson.BsonString;

/** Every document in natural order ({@code backward}: newest first). */
public record CollectionScan(boolean backward) implements QueryPlan {
  @Override
  public boolean providesSort() {
    return false;
  }

  @Override
  public DocumentCursor open(ReadView view, CollectionMetadata collection, ScanStats stats) {
    DocumentCursor documents = Documents.scan(view, collection, backward);
    return DocumentCursor.map(documents, document -> {
      stats.docExamined();
      return document;
    }, documents::close);
  }

  @Override
  public BsonDocument explain(BsonDocument parsedQuery) {
    BsonDocument stage = new BsonDocument("stage", new BsonString("COLLSCAN"));
    if (!parsedQuery.isEmpty()) {
      stage.append("filter", parsedQuery);
    }
    return stage.append("direction", new BsonString(backward ? "backward" : "forward"));
  }
}

package io.tributary.engine.plan;

import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.storage.ReadView;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * A top-level {@code $or} answered by one index scan per branch (mongod's {@code OR} stage): the branches' documents
 * one branch after the other, each document once. Unordered; the caller applies the whole filter.
 */
public record OrScan(List<IndexScan> branches) implements QueryPlan {
  public OrScan {
    branches = List.copyOf(branches);
  }

  @Override
  public boolean providesSort() {
    return false;
  }

  @Override
  public DocumentCursor open(ReadView view, CollectionMetadata collection, ScanStats stats) {
    return new DocumentCursor() {
      private final Set<Long> seen = new HashSet<>();
      private DocumentCursor current;
      private int nextBranch;
      private StoredDocument next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (current == null || !current.hasNext()) {
            close();
            if (nextBranch == branches.size()) {
              return false;
            }
            current = branches.get(nextBranch++).open(view, collection, stats);
            continue;
          }
          StoredDocument candidate = current.next();
          next = seen.add(candidate.recordId()) ? candidate : null;
        }
        return true;
      }

      @Override
      public StoredDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        StoredDocument result = next;
        next = null;
        return result;
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
          current = null;
        }
      }
    };
  }

  @Override
  public BsonDocument explain(BsonDocument parsedQuery) {
    BsonArray scans = new BsonArray();
    branches.forEach(branch -> scans.add(branch.explainScan()));
    BsonDocument or = new BsonDocument("stage", new BsonString("OR")).append("inputStages", scans);
    BsonDocument fetch = new BsonDocument("stage", new BsonString("FETCH"));
    if (!parsedQuery.isEmpty()) {
      fetch.append("filter", parsedQuery);
    }
    return new BsonDocument("stage", new BsonString("SUBPLAN")).append("inputStage", fetch.append("inputStage", or));
  }
}

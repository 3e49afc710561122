package io.tributary.engine.command.crud;

import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.query.MatchResult;
import org.bson.BsonDocument;

/** A stored document that matched a filter, with the match details the positional operators need. */
public record MatchedDocument(StoredDocument stored, MatchResult match) {
  public BsonDocument document() {
    return stored.document();
  }
}

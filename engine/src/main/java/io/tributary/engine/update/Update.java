package io.tributary.engine.update;

import io.tributary.engine.query.MatchResult;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A compiled update: a replacement document, an operator document ({@code {$set: ..., $inc: ...}}) or an
 * aggregation pipeline. Immutable and thread-safe.
 */
public final class Update {
  private final BsonValue spec;

  private Update(BsonValue spec) {
    this.spec = spec;
  }

  /** Compiles an update; invalid updates fail with MongoDB's errors (FailedToParse, ConflictingUpdateOperators...). */
  public static Update parse(BsonValue spec, BsonArray arrayFilters) {
    return new Update(spec);
  }

  /** True for a replacement document (no operators). */
  public boolean isReplacement() {
    return spec.isDocument() && spec.asDocument().keySet().stream().noneMatch(k -> k.startsWith("$"));
  }

  /**
   * Applies the update to {@code original} (which is not modified). {@code match} gives the position for the
   * positional operator; {@code upsertInsert} is true when the document is being inserted by an upsert (so
   * {@code $setOnInsert} applies).
   */
  public UpdateResult apply(BsonDocument original, MatchResult match, boolean upsertInsert) {
    // Placeholder until the update language lands: replacement and top-level $set only.
    BsonDocument updated;
    if (isReplacement()) {
      updated = new BsonDocument();
      if (original.containsKey("_id")) {
        updated.append("_id", original.get("_id"));
      }
      spec.asDocument().forEach((k, v) -> {
        if (!k.equals("_id")) {
          updated.append(k, v);
        }
      });
    } else {
      updated = original.clone();
      spec.asDocument().getDocument("$set", new BsonDocument()).forEach(updated::put);
    }
    UpdateDescription description = new UpdateDescription(
        spec.asDocument().getDocument("$set", new BsonDocument()), List.of(), List.of(), new BsonDocument());
    return new UpdateResult(updated, description, !updated.equals(original));
  }
}

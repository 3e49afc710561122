package io.tributary.engine.query;

import org.bson.BsonDocument;

/**
 * A compiled find projection (inclusion/exclusion, dotted paths, {@code $slice}, {@code $elemMatch}, positional
 * {@code .$}, aggregation expressions). Immutable and thread-safe.
 */
public final class Projection {
  private final BsonDocument spec;

  private Projection(BsonDocument spec) {
    this.spec = spec;
  }

  public static Projection parse(BsonDocument spec) {
    return new Projection(spec);
  }

  /** The projected copy of {@code document}; {@code match} supplies the position for {@code .$}. */
  public BsonDocument apply(BsonDocument document, MatchResult match) {
    // Placeholder until the query language lands.
    return spec.isEmpty() ? document : document;
  }
}

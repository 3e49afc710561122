package io.tributary.engine.query;

import org.bson.BsonDocument;

/**
 * A compiled find projection (inclusion/exclusion, dotted paths, {@code $slice}, {@code $elemMatch}, positional
 * {@code .$}, aggregation expressions) with mongod's semantics: an inclusion projection keeps {@code _id} unless
 * told otherwise, keeps included fields in document order and appends {@code $elemMatch} and computed fields
 * in projection order; an exclusion projection keeps everything else. Immutable and thread-safe.
 */
public final class Projection {
  private final ProjectionNode.Fields root;
  private final boolean inclusion;
  private final boolean identity;

  private Projection(ProjectionParser.Parsed parsed, boolean identity) {
    this.root = parsed.root();
    this.inclusion = parsed.inclusion();
    this.identity = identity;
  }

  /** Parses a find projection; an invalid one fails with mongod's error. */
  public static Projection parse(BsonDocument spec) {
    return new Projection(ProjectionParser.parse(spec), spec.isEmpty());
  }

  /** The projected copy of {@code document}; {@code match} supplies the position for {@code .$}. */
  public BsonDocument apply(BsonDocument document, MatchResult match) {
    if (identity) {
      return document;
    }
    Projector projector = new Projector(document, match);
    return inclusion ? projector.include(document, root) : projector.exclude(document, root);
  }
}

package io.tributary.engine.query;

import io.tributary.engine.expression.SystemVariables;
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
  private final ExpressionContext context;

  private Projection(BsonDocument spec, ExpressionContext context) {
    ProjectionParser.Parsed parsed = ProjectionParser.parse(spec, context);
    this.root = parsed.root();
    this.inclusion = parsed.inclusion();
    this.identity = spec.isEmpty();
    this.context = context;
  }

  /**
   * Parses a find projection; an invalid one fails with mongod's error. Its expressions see no variables but
   * {@code $$ROOT} and {@code $$CURRENT}.
   */
  public static Projection parse(BsonDocument spec) {
    return new Projection(spec, ExpressionContext.NONE);
  }

  /** Parses a find projection whose expressions see the command's variables ({@code $$NOW}, {@code let}). */
  public static Projection parse(BsonDocument spec, SystemVariables variables) {
    return new Projection(spec, ExpressionContext.of(variables));
  }

  /** The projected copy of {@code document}; {@code match} supplies the position for {@code .$}. */
  public BsonDocument apply(BsonDocument document, MatchResult match) {
    if (identity) {
      return document;
    }
    Projector projector = new Projector(context.scope(document), match);
    return inclusion ? projector.include(document, root) : projector.exclude(document, root);
  }
}

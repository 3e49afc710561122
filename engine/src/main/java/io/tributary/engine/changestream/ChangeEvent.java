package io.tributary.engine.changestream;

import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * One change event as the transformation produced it, before the user's pipeline. Immutable in what it shows;
 * thread-safe (events are shared by every stream shape of a {@link SharedTransform}).
 *
 * <p>The event document keeps the stored bytes of its document parts ({@code fullDocument}, the pre-image), so a
 * reply copies them instead of encoding them again. Filters read the {@linkplain #filterView() decoded view}
 * instead: every field a filter reads in a {@link RawBsonDocument} is found by walking its bytes again, and a hot
 * collection's event is filtered by as many stream shapes as its watchers have distinct pipelines.
 */
final class ChangeEvent {
  private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

  private final ResumeToken token;
  private final BsonDocument document;
  private final boolean invalidate;
  /**
   * The document with its stored parts decoded, built by the first filter to read it. Volatile for safe
   * publication of the map; two threads racing build equal views and either one is kept.
   */
  private volatile BsonDocument filterView;

  /**
   * @param token the event's resume token, also its {@code _id}
   * @param document the event document; nobody may modify it
   * @param invalidate true for the {@code invalidate} that ends a stream
   */
  ChangeEvent(ResumeToken token, BsonDocument document, boolean invalidate) {
    this.token = token;
    this.document = document;
    this.invalidate = invalidate;
  }

  ResumeToken token() {
    return token;
  }

  BsonDocument document() {
    return document;
  }

  boolean invalidate() {
    return invalidate;
  }

  /**
   * The event document with its top-level stored parts decoded into plain documents, decoded once for every
   * filter that reads the event: equal to {@link #document()}, read-only, never to be returned to a client (its
   * encoding would cost more than copying the stored bytes).
   */
  BsonDocument filterView() {
    BsonDocument view = filterView;
    if (view == null) {
      view = decoded(document);
      filterView = view;
    }
    return view;
  }

  /** {@code document} itself when it holds no stored parts, else a copy with those decoded. */
  private static BsonDocument decoded(BsonDocument document) {
    if (document.values().stream().noneMatch(RawBsonDocument.class::isInstance)) {
      return document;
    }
    BsonDocument view = new BsonDocument();
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      BsonValue value = field.getValue();
      view.append(field.getKey(), value instanceof RawBsonDocument raw ? raw.decode(CODEC) : value);
    }
    return view;
  }
}

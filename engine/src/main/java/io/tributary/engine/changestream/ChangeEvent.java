package io.tributary.engine.changestream;

import org.bson.BsonDocument;

/**
 * One change event as the transformation produced it, before the user's pipeline. Immutable.
 *
 * @param token the event's resume token, also its {@code _id}
 * @param document the event document
 * @param invalidate true for the {@code invalidate} that ends a stream
 */
public record ChangeEvent(ResumeToken token, BsonDocument document, boolean invalidate) {}

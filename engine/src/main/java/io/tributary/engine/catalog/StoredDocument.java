package io.tributary.engine.catalog;

import org.bson.BsonDocument;

/** A document as stored: its record id (position in natural order) and content. Immutable by convention. */
public record StoredDocument(long recordId, BsonDocument document) {}

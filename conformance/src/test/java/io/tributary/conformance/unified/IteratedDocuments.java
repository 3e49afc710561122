package io.tributary.conformance.unified;

import org.bson.BsonArray;

/**
 * The fully iterated result of an operation returning an iterable of documents (find, aggregate,
 * listIndexes…), whose elements {@code expectResult} matches as root-level documents. Immutable.
 */
public record IteratedDocuments(BsonArray documents) {}

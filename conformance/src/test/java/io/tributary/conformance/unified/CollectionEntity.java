package io.tributary.conformance.unified;

import com.mongodb.client.MongoCollection;
import org.bson.BsonDocument;

/** A collection entity, reading and writing raw {@link BsonDocument}s. Thread-safe. */
public record CollectionEntity(MongoCollection<BsonDocument> collection) {}

package io.tributary.conformance.unified;

import com.mongodb.client.MongoDatabase;

/** A database entity. Thread-safe. */
public record DatabaseEntity(MongoDatabase database) {}

package io.tributary.server.oplog;

/** {@link OplogOperabilitySuite} on the in-memory storage engine. */
class InMemoryOplogOperabilityTest extends OplogOperabilitySuite {}

package io.tributary.server.capped;

/** {@link CappedCollectionSuite} on the in-memory storage engine. */
class InMemoryCappedCollectionTest extends CappedCollectionSuite {}

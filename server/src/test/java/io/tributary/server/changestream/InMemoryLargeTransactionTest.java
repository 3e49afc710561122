package io.tributary.server.changestream;

/** {@link LargeTransactionChangeStreamSuite} on the in-memory storage engine. */
class InMemoryLargeTransactionTest extends LargeTransactionChangeStreamSuite {}

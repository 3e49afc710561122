package io.tributary.server.changestream;

/** {@link TransactionChangeStreamSuite} on the in-memory storage engine. */
class InMemoryTransactionChangeStreamTest extends TransactionChangeStreamSuite {}

package io.tributary.server.changestream;

/** {@link ChangeStreamBehaviourSuite} on the in-memory storage engine. */
class InMemoryChangeStreamTest extends ChangeStreamBehaviourSuite {}

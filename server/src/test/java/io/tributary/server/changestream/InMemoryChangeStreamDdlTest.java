package io.tributary.server.changestream;

/** {@link ChangeStreamDdlAndImagesSuite} on the in-memory storage engine. */
class InMemoryChangeStreamDdlTest extends ChangeStreamDdlAndImagesSuite {}

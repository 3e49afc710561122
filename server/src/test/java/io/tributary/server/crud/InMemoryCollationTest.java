package io.tributary.server.crud;

/** {@link CollationBehaviourSuite} on the in-memory storage engine. */
class InMemoryCollationTest extends CollationBehaviourSuite {}

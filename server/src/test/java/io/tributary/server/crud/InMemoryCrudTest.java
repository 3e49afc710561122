package io.tributary.server.crud;

/** {@link CrudBehaviourSuite} on the in-memory storage engine. */
class InMemoryCrudTest extends CrudBehaviourSuite {}

package io.tributary.engine.storage;

/** One stored entry. The arrays are owned by the caller after return and must not be mutated. */
public record KeyValue(byte[] key, byte[] value) {}

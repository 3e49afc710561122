package io.tributary.engine.command;

/** The size limits mongod advertises in hello and enforces on the wire; the same numbers for every layer. */
public final class ServerLimits {
  /** {@code maxBsonObjectSize}: the largest user document. */
  public static final int MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
  /** mongod's {@code BSONObjMaxInternalSize}: a command may exceed the user limit by 16 KiB of overhead. */
  public static final int MAX_INTERNAL_BSON_OBJECT_SIZE = MAX_BSON_OBJECT_SIZE + 16 * 1024;
  /** {@code maxMessageSizeBytes}: the largest wire message, header included. */
  public static final int MAX_MESSAGE_SIZE_BYTES = 48_000_000;
  /** {@code maxWriteBatchSize}: the most statements in one write command. */
  public static final int MAX_WRITE_BATCH_SIZE = 100_000;

  private ServerLimits() {}
}

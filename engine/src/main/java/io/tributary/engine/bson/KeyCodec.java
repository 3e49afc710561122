package io.tributary.engine.bson;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Order-preserving byte encoding of BSON values for keys: comparing two encodings as unsigned bytes gives the
 * same result as {@link BsonOrder#compare}, and values MongoDB treats as equal (1, 1L, 1.0) encode identically.
 * A timestamp encodes as {@code 0x82} followed by its 8 bytes big-endian (resume tokens rely on it).
 * Stateless and thread-safe.
 */
public final class KeyCodec {
  private KeyCodec() {}

  // Placeholder until the order-preserving encoding lands: correct for equality of same-typed values only.
  public static byte[] encode(BsonValue value) {
    return new RawBsonDocument(new BsonDocument("", value), new BsonDocumentCodec()).getByteBuffer().array();
  }
}

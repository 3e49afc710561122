package io.tributary.engine.changestream;

import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/** The encoded size of documents, against MongoDB's 16 MiB limits. Stateless and thread-safe. */
final class EventSize {
  /** {@code maxBsonObjectSize}: the largest document, and the most event bytes one batch carries. */
  static final int MAX_BSON_SIZE = 16 * 1024 * 1024;

  private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

  private EventSize() {}

  static int of(BsonDocument document) {
    try (BasicOutputBuffer buffer = new BasicOutputBuffer(); BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
      CODEC.encode(writer, document, EncoderContext.builder().build());
      return buffer.getPosition();
    }
  }
}

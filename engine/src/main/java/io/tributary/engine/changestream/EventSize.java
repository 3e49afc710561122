package io.tributary.engine.changestream;

import io.tributary.engine.command.ServerLimits;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/** The encoded size of documents, against MongoDB's 16 MiB limits. Stateless and thread-safe. */
final class EventSize {
  /** {@code maxBsonObjectSize}: the largest document, and the most event bytes one batch carries. */
  static final int MAX_BSON_SIZE = ServerLimits.MAX_BSON_OBJECT_SIZE;

  private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

  private EventSize() {}

  /**
   * {@code document} encoded once, as the immutable document a stream returns: every stream of a shape shares it and
   * the replies copy its bytes instead of encoding the event again for each stream.
   */
  static RawBsonDocument encode(BsonDocument document) {
    try (BasicOutputBuffer buffer = new BasicOutputBuffer(); BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
      CODEC.encode(writer, document, EncoderContext.builder().build());
      return new RawBsonDocument(buffer.toByteArray());
    }
  }

  static int of(BsonDocument document) {
    try (BasicOutputBuffer buffer = new BasicOutputBuffer(); BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
      CODEC.encode(writer, document, EncoderContext.builder().build());
      return buffer.getPosition();
    }
  }
}

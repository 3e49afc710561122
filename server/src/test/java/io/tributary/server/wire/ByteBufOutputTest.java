package io.tributary.server.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonSerializationException;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonJavaScript;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

/** A reply encoded into a Netty buffer has the bytes the BSON library's own output produces. */
class ByteBufOutputTest {
  private static final List<String> TEXTS = List.of("", "a", "cursor", "firstBatch", "with\u0000nul", "é", "日本",
      "emoji \uD83D\uDE00", "lone \uD800 high", "lone \uDC00 low", "mixed ascii and ü", "\u007f\u0080");

  @Test
  void textIsEncodedAsTheLibraryEncodesIt() {
    for (String text : TEXTS) {
      BsonDocument document = new BsonDocument("s", new BsonString(text)).append("y", new BsonSymbol(text))
          .append("c", new BsonJavaScript(text));
      if (text.indexOf('\0') < 0) {
        document.append(text, new BsonString(text))
            .append("r", new BsonRegularExpression(text, "i"))
            .append("nested", new BsonDocument(text, new BsonDocument(text, new BsonString(text))));
      }
      assertThat(viaByteBuf(document)).as(text).isEqualTo(viaLibrary(document));
    }
  }

  @Test
  void aNulInAFieldNameIsRefusedAsTheLibraryRefusesIt() {
    BsonDocument document = new BsonDocument("a\u0000b", new BsonString("x"));

    assertThatThrownBy(() -> viaByteBuf(document)).isInstanceOf(BsonSerializationException.class)
        .hasMessageContaining("null character");
  }

  private static String viaByteBuf(BsonDocument document) {
    ByteBuf buffer = Unpooled.buffer();
    buffer.writeIntLE(42); // the output starts where the buffer's writer index is
    try (BsonBinaryWriter writer = new BsonBinaryWriter(new ByteBufOutput(buffer))) {
      new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
    }
    return ByteBufUtil.hexDump(buffer, 4, buffer.readableBytes() - 4);
  }

  private static String viaLibrary(BsonDocument document) {
    BasicOutputBuffer output = new BasicOutputBuffer();
    try (BsonBinaryWriter writer = new BsonBinaryWriter(output)) {
      new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
    }
    return ByteBufUtil.hexDump(output.toByteArray());
  }
}

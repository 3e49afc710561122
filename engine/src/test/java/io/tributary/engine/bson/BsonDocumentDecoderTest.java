package io.tributary.engine.bson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonBinary;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.Test;

/** The decoder yields the BSON library's values for what it decodes, and declines what the library would refuse. */
class BsonDocumentDecoderTest {

  @Provide
  Arbitrary<BsonDocument> documents() {
    return Arbitraries.oneOf(BsonArbitraries.documents(3), BsonArbitraries.values(3)
        .map(value -> new BsonDocument("v", value).append("s", new BsonString("text é \uD83D\uDE00"))));
  }

  @Property(tries = 3000)
  void decodesAsTheLibraryDoes(@ForAll("documents") BsonDocument document) {
    byte[] bytes = BsonBytes.encode(document);
    BsonDocument decoded = BsonDocumentDecoder.decode(bytes);

    if (decoded != null) {
      assertThat(decoded).isEqualTo(library(bytes)).isEqualTo(document);
      assertThat(decoded.toJson()).isEqualTo(document.toJson()); // same types, same field order
    }
  }

  @Property(tries = 3000)
  void declinesWhatTheLibraryRefusesAndElseAgrees(@ForAll("documents") BsonDocument document,
      @ForAll("edits") List<int[]> edits) {
    byte[] bytes = BsonBytes.encode(document);
    for (int[] edit : edits) {
      bytes[Math.floorMod(edit[0], bytes.length)] = (byte) edit[1];
    }
    BsonDocument decoded = BsonDocumentDecoder.decode(bytes);

    if (decoded != null) {
      assertThat(decoded.toJson()).isEqualTo(library(bytes).toJson());
    }
  }

  @Provide
  Arbitrary<List<int[]>> edits() {
    Arbitrary<int[]> edit = Arbitraries.integers().between(0, 1 << 16).flatMap(index -> Arbitraries.oneOf(
            Arbitraries.integers().between(-128, 127), Arbitraries.of(0, 1, 2, 4, 5, 0x7F, -1))
        .map(value -> new int[] {index, value}));
    return edit.list().ofMinSize(1).ofMaxSize(3);
  }

  @Test
  void declinesTruncatedAndPaddedBytesAndRareTypes() {
    byte[] bytes = BsonBytes.encode(BsonDocument.parse("{a: 1, b: 'x'}"));

    assertThat(BsonDocumentDecoder.decode(java.util.Arrays.copyOf(bytes, bytes.length - 1))).isNull();
    assertThat(BsonDocumentDecoder.decode(java.util.Arrays.copyOf(bytes, bytes.length + 1))).isNull();
    assertThat(BsonDocumentDecoder.decode(BsonBytes.encode(BsonDocument.parse("{s: {$symbol: 'x'}}")))).isNull();
    BsonDocument oldBinary = new BsonDocument("b", new BsonBinary(BsonBinarySubType.OLD_BINARY, new byte[] {1}));
    assertThat(BsonDocumentDecoder.decode(BsonBytes.encode(oldBinary))).isNull();
    assertThat(BsonBytes.decode(BsonBytes.encode(oldBinary))).isEqualTo(oldBinary);
  }

  @Test
  void decodesUuidsAndNestedDocuments() {
    BsonValue uuid = new BsonBinary(UUID.randomUUID());
    BsonDocument request = new BsonDocument("find", new BsonString("c")).append("lsid", new BsonDocument("id", uuid))
        .append("filter", BsonDocument.parse("{_id: {$in: [1, 2.5, {$numberLong: '3'}, null, true]}}"));

    assertThat(BsonDocumentDecoder.decode(BsonBytes.encode(request))).isEqualTo(request);
  }

  private static BsonDocument library(byte[] bytes) {
    try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bytes))) {
      BsonDocument document = new BsonDocumentCodec().decode(reader, DecoderContext.builder().build());
      assertThat(reader.getBsonInput().getPosition()).isEqualTo(bytes.length);
      return document;
    }
  }
}

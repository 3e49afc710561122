package io.tributary.engine.bson;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bson.BsonDocument;

class BsonBytesTest {
  @Provide
  Arbitrary<BsonDocument> documents() {
    return BsonArbitraries.documents(3);
  }

  @Property
  void sizeIsTheLengthOfTheEncoding(@ForAll("documents") BsonDocument document) {
    assertThat(BsonBytes.size(document)).isEqualTo(BsonBytes.encode(document).length);
  }

  @Property
  void decodingUndoesEncoding(@ForAll("documents") BsonDocument document) {
    assertThat(BsonBytes.decode(BsonBytes.encode(document))).isEqualTo(document);
  }
}

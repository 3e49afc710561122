package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.engine.bson.BsonBytes;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

class ChangeEventTest {
  private static final ResumeToken TOKEN = ResumeToken.highWaterMark(new BsonTimestamp(100, 1));
  private static final BsonDocument STORED = BsonDocument.parse(
      "{_id: 1, k: [1, {x: {$numberLong: '3'}}], a: {b: null}}");

  @Test
  void theFilterViewDecodesTheStoredPartsOnceAndLeavesTheEventAlone() {
    RawBsonDocument stored = new RawBsonDocument(BsonBytes.encode(STORED));
    BsonDocument document = new BsonDocument("operationType", new BsonString("insert"))
        .append("fullDocument", stored);
    ChangeEvent event = new ChangeEvent(TOKEN, document, false);

    BsonDocument view = event.filterView();

    assertThat(event.filterView()).isSameAs(view);
    assertThat(view).isEqualTo(document);
    assertThat(view.get("fullDocument")).isNotInstanceOf(RawBsonDocument.class).isEqualTo(STORED);
    assertThat(view.getDocument("fullDocument").getArray("k").get(1)).isNotInstanceOf(RawBsonDocument.class);
    assertThat(event.document().get("fullDocument")).isSameAs(stored);
  }

  @Test
  void anEventWithoutStoredPartsIsItsOwnView() {
    BsonDocument document = new BsonDocument("fullDocument", STORED);
    ChangeEvent event = new ChangeEvent(TOKEN, document, false);

    assertThat(event.filterView()).isSameAs(document);
  }
}

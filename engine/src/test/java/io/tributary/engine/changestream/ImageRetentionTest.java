package io.tributary.engine.changestream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/** Images expire by {@code changeStreamOptions.preAndPostImages.expireAfterSeconds}, against the injected clock. */
class ImageRetentionTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final AtomicReference<BsonValue> options = new AtomicReference<>(
      BsonDocument.parse("{preAndPostImages: {expireAfterSeconds: 'off'}}"));
  private final ImageRetention retention = new ImageRetention(Clock.fixed(NOW, ZoneOffset.UTC), options::get);

  @Test
  void offKeepsImagesAsLongAsTheirEntry() {
    assertThat(retention.expired(0)).isFalse();
  }

  @Test
  void imagesOlderThanExpireAfterSecondsExpireAndTheChangeTakesEffectAtOnce() {
    long written = NOW.toEpochMilli() - 10_000;
    options.set(BsonDocument.parse("{preAndPostImages: {expireAfterSeconds: 10}}"));
    assertThat(retention.expired(written)).isFalse();
    assertThat(retention.expired(written - 1)).isTrue();

    options.set(BsonDocument.parse("{preAndPostImages: {expireAfterSeconds: {$numberLong: '3600'}}}"));
    assertThat(retention.expired(written - 1)).isFalse();
  }
}

package io.tributary.engine.changestream;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Whether the pre- and post-images of an oplog entry have expired under the cluster parameter
 * {@code changeStreamOptions.preAndPostImages.expireAfterSeconds}: with {@code "off"} (the default) images live as
 * long as their entry stays in the oplog; with N seconds they are gone once the entry's wall time is more than N
 * seconds behind the injected clock, as mongod's pre-image expiry removes them. Images stay stored in the entry
 * (they are truncated with it); an expired one is simply never returned. The parameter is read on every check, so
 * {@code setClusterParameter} takes effect at once. Thread-safe.
 */
public final class ImageRetention {
  /** The cluster parameter that holds the retention. */
  public static final String PARAMETER = "changeStreamOptions";

  /** Images that never expire before their oplog entry (embedders without parameters, tests). */
  public static final ImageRetention WITH_OPLOG = new ImageRetention(Clock.systemUTC(), BsonDocument::new);

  private final Clock clock;
  private final Supplier<BsonValue> changeStreamOptions;

  /** @param changeStreamOptions the current value of the {@code changeStreamOptions} parameter */
  public ImageRetention(Clock clock, Supplier<BsonValue> changeStreamOptions) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.changeStreamOptions = Objects.requireNonNull(changeStreamOptions, "changeStreamOptions");
  }

  /** Whether the images of an entry written at {@code wallTimeMillis} have expired. */
  public boolean expired(long wallTimeMillis) {
    BsonValue expireAfter = expireAfterSeconds(changeStreamOptions.get());
    return expireAfter != null && expireAfter.isNumber()
        && wallTimeMillis + expireAfter.asNumber().longValue() * 1000 < clock.millis();
  }

  private static BsonValue expireAfterSeconds(BsonValue options) {
    if (options == null || !options.isDocument()) {
      return null;
    }
    BsonValue images = options.asDocument().get("preAndPostImages");
    return images != null && images.isDocument() ? images.asDocument().get("expireAfterSeconds") : null;
  }
}

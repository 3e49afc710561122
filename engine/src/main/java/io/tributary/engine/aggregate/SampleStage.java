package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $sample: {size: n}}: n documents chosen at random without repetition (all of them when fewer). */
record SampleStage(long size) implements BlockingStage {
  static final String NAME = "$sample";

  static SampleStage parse(BsonValue spec) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(28745).error("the $sample stage specification must be an object");
    }
    Long size = null;
    for (Map.Entry<String, BsonValue> option : spec.asDocument().entrySet()) {
      if (!option.getKey().equals("size")) {
        throw ErrorCode.location(28748).error("unrecognized option to $sample: " + option.getKey());
      }
      size = StageArguments.integral(option.getValue(), 28746, "size argument to $sample must be a number");
      if (size < 0) {
        throw ErrorCode.location(28747).error("size argument to $sample must not be negative");
      }
    }
    if (size == null) {
      throw ErrorCode.location(28749).error("$sample stage must specify a size");
    }
    return new SampleStage(size);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BsonDocument> emit(List<BsonDocument> documents, Execution execution) {
    Collections.shuffle(documents, ThreadLocalRandom.current());
    return documents.subList(0, (int) Math.min(size, documents.size()));
  }
}

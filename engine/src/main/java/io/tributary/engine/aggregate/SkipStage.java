package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import java.util.Iterator;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $skip: n}: all but the first n documents (n non-negative); streams. */
record SkipStage(long skip) implements Stage {
  static final String NAME = "$skip";

  static SkipStage parse(BsonValue spec) {
    long skip = StageArguments.integral(spec, 15972, "Argument to $skip must be a number");
    if (skip < 0) {
      throw ErrorCode.location(15956).error("Argument to $skip cannot be negative");
    }
    return new SkipStage(skip);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Deferred(() -> {
      for (long i = 0; i < skip && input.hasNext(); i++) {
        input.next();
      }
      return input;
    });
  }
}

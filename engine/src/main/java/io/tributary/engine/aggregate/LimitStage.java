package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $limit: n}: the first n documents (n positive); streams and stops pulling after n. */
record LimitStage(long limit) implements Stage {
  static final String NAME = "$limit";

  static LimitStage parse(BsonValue spec) {
    long limit = StageArguments.integral(spec, 15957, "the limit must be specified as a number");
    if (limit <= 0) {
      throw ErrorCode.location(15958).error("the limit must be positive");
    }
    return new LimitStage(limit);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Iterator<>() {
      private long remaining = limit;

      @Override
      public boolean hasNext() {
        return remaining > 0 && input.hasNext();
      }

      @Override
      public BsonDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        remaining--;
        return input.next();
      }
    };
  }
}

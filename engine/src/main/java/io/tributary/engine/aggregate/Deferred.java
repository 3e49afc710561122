package io.tributary.engine.aggregate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonDocument;

/** An iterator computed on first use: how blocking stages wait until their output is actually wanted. */
final class Deferred implements Iterator<BsonDocument> {
  private final Supplier<Iterator<BsonDocument>> source;
  private Iterator<BsonDocument> output;

  Deferred(Supplier<Iterator<BsonDocument>> source) {
    this.source = source;
  }

  /**
   * The blocking stages' shape: on the first pull, drain all of {@code input} into a list, then emit what
   * {@code emit} makes of it.
   */
  static Deferred afterDraining(Iterator<BsonDocument> input,
      Function<List<BsonDocument>, List<BsonDocument>> emit) {
    return new Deferred(() -> {
      List<BsonDocument> documents = new ArrayList<>();
      input.forEachRemaining(documents::add);
      return emit.apply(documents).iterator();
    });
  }

  private Iterator<BsonDocument> output() {
    if (output == null) {
      output = source.get();
    }
    return output;
  }

  @Override
  public boolean hasNext() {
    return output().hasNext();
  }

  @Override
  public BsonDocument next() {
    return output().next();
  }
}

package io.tributary.engine.aggregate;

import java.util.Iterator;
import java.util.function.Supplier;
import org.bson.BsonDocument;

/** An iterator computed on first use: how blocking stages wait until their output is actually wanted. */
final class Deferred implements Iterator<BsonDocument> {
  private final Supplier<Iterator<BsonDocument>> source;
  private Iterator<BsonDocument> output;

  Deferred(Supplier<Iterator<BsonDocument>> source) {
    this.source = source;
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

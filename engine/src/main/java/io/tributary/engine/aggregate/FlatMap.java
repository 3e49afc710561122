package io.tributary.engine.aggregate;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.bson.BsonDocument;

/** A lazy iterator turning each input document into zero or more outputs. */
final class FlatMap implements Iterator<BsonDocument> {
  private final Iterator<BsonDocument> input;
  private final Function<BsonDocument, List<BsonDocument>> mapping;
  private Iterator<BsonDocument> current = Collections.emptyIterator();

  FlatMap(Iterator<BsonDocument> input, Function<BsonDocument, List<BsonDocument>> mapping) {
    this.input = input;
    this.mapping = mapping;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && input.hasNext()) {
      current = mapping.apply(input.next()).iterator();
    }
    return current.hasNext();
  }

  @Override
  public BsonDocument next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}

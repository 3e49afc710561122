package io.tributary.engine.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** {@code $sort}: a stable sort in {@link io.tributary.engine.bson.BsonOrder} by one or more keys; blocking. */
record SortStage(Comparator<BsonDocument> comparator) implements Stage {
  static final String NAME = "$sort";

  static SortStage parse(BsonValue spec) {
    return new SortStage(SortKey.comparator(spec));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Deferred(() -> {
      List<BsonDocument> documents = new ArrayList<>();
      input.forEachRemaining(documents::add);
      documents.sort(comparator);
      return documents.iterator();
    });
  }
}

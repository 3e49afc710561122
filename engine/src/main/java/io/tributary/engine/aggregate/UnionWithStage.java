package io.tributary.engine.aggregate;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code $unionWith: "coll"} or {@code {coll, pipeline}}: its input, then the documents of {@code coll} run through
 * {@code pipeline}. Streams; the other collection is read only once the input is exhausted.
 */
record UnionWithStage(ForeignCollection collection, List<Stage> pipeline) implements Stage {
  static final String NAME = "$unionWith";

  static UnionWithStage parse(BsonValue spec, ParseContext context) {
    if (spec.isString()) {
      return new UnionWithStage(new ForeignCollection(null, spec.asString().getValue()), List.of());
    }
    if (!spec.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("the $unionWith stage specification must be an object or string, but "
          + "found " + Values.typeName(spec));
    }
    BsonDocument union = spec.asDocument();
    for (String key : union.keySet()) {
      if (!key.equals("coll") && !key.equals("pipeline")) {
        throw ErrorCode.location(40415).error("BSON field '$unionWith." + key + "' is an unknown field.");
      }
    }
    List<Stage> pipeline = List.of();
    if (union.containsKey("pipeline")) {
      pipeline = Stages.parseArray(union.get("pipeline"), context, () -> ErrorCode.TYPE_MISMATCH.error(
          "BSON field '$unionWith.pipeline' is the wrong type, expected an array of objects"));
    }
    BsonValue coll = union.get("coll");
    if (coll == null && (pipeline.isEmpty() || !(pipeline.get(0) instanceof DocumentsStage))) {
      throw ErrorCode.FAILED_TO_PARSE.error("$unionWith stage without explicit collection must have a pipeline "
          + "with $documents as first stage");
    }
    if (coll != null && !coll.isString()) {
      throw ErrorCode.TYPE_MISMATCH.error("BSON field '$unionWith.coll' is the wrong type '"
          + Values.typeName(coll) + "', expected type 'string'");
    }
    return new UnionWithStage(coll == null ? null : new ForeignCollection(null, coll.asString().getValue()),
        pipeline);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    return new Concatenation(input,
        () -> CompositeStage.chain(pipeline, ForeignCollection.scan(collection, execution), execution));
  }

  /** The first iterator, then the second, which is only created when the first is exhausted. */
  private static final class Concatenation implements Iterator<BsonDocument> {
    private Iterator<BsonDocument> current;
    private Supplier<Iterator<BsonDocument>> next;

    Concatenation(Iterator<BsonDocument> first, Supplier<Iterator<BsonDocument>> second) {
      this.current = first;
      this.next = second;
    }

    @Override
    public boolean hasNext() {
      if (!current.hasNext() && next != null) {
        current = next.get();
        next = null;
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
}

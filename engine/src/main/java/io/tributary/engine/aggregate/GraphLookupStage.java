package io.tributary.engine.aggregate;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Values;
import io.tributary.engine.query.Matcher;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $graphLookup}: a breadth-first search of {@code from}, starting with the values of {@code startWith},
 * following {@code connectFromField} values to documents whose {@code connectToField} equals them, at most
 * {@code maxDepth + 1} levels deep, each document once. Found documents (with their depth in {@code depthField})
 * become the array {@code as}. Streams over its input.
 */
record GraphLookupStage(ForeignCollection from, Expression startWith, FieldPath connectFromField,
    String connectToField, String as, long maxDepth, String depthField, BsonDocument restrictSearchWithMatch)
    implements Stage {
  static final String NAME = "$graphLookup";
  private static final Set<String> OPTIONS = Set.of("from", "startWith", "connectFromField", "connectToField", "as",
      "maxDepth", "depthField", "restrictSearchWithMatch");

  static GraphLookupStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.location(40327).error("$graphLookup must be given an object, but found: "
          + Values.typeName(spec));
    }
    BsonDocument graph = spec.asDocument();
    for (Map.Entry<String, BsonValue> option : graph.entrySet()) {
      if (!OPTIONS.contains(option.getKey())) {
        throw ErrorCode.location(40104).error("Unknown argument to $graphLookup: " + option.getKey());
      }
      if (!option.getKey().equals("startWith") && !option.getKey().equals("maxDepth")
          && !option.getKey().equals("restrictSearchWithMatch") && !option.getValue().isString()) {
        throw ErrorCode.location(40103).error("expected string as argument for " + option.getKey() + ", found: "
            + Values.format(option.getValue()));
      }
    }
    for (String required : List.of("from", "as", "startWith", "connectFromField", "connectToField")) {
      if (!graph.containsKey(required)) {
        throw ErrorCode.location(40105).error("from, as, startWith, connectFromField and connectToField must all "
            + "be specified");
      }
    }
    return new GraphLookupStage(new ForeignCollection(null, graph.getString("from").getValue()),
        Expressions.parse(graph.get("startWith"), context),
        new FieldPath(Expressions.fieldPath(graph.getString("connectFromField").getValue())),
        graph.getString("connectToField").getValue(), graph.getString("as").getValue(), maxDepth(graph),
        graph.containsKey("depthField") ? graph.getString("depthField").getValue() : null, restriction(graph));
  }

  private static long maxDepth(BsonDocument graph) {
    BsonValue depth = graph.get("maxDepth");
    if (depth == null) {
      return Long.MAX_VALUE;
    }
    long value = StageArguments.integral(depth, 40101, "maxDepth requires a nonnegative argument, found: "
        + Values.format(depth));
    if (value < 0) {
      throw ErrorCode.location(40101).error("maxDepth requires a nonnegative argument, found: " + value);
    }
    return value;
  }

  private static BsonDocument restriction(BsonDocument graph) {
    BsonValue restriction = graph.get("restrictSearchWithMatch");
    if (restriction == null) {
      return new BsonDocument();
    }
    if (!restriction.isDocument()) {
      throw ErrorCode.location(40185).error("restrictSearchWithMatch must be an object, found "
          + Values.typeName(restriction));
    }
    Matcher.compile(restriction.asDocument());
    return restriction.asDocument();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Iterator<BsonDocument> apply(Iterator<BsonDocument> input, Execution execution) {
    // The collection is read once per run, when the first input document needs it.
    Lazy<List<BsonDocument>> collection = new Lazy<>(() -> ForeignCollection.readAll(from, execution));
    return new FlatMap(input, document -> List.of(search(document, collection.get(), execution)));
  }

  private BsonDocument search(BsonDocument document, List<BsonDocument> collection, Execution execution) {
    Set<ByteBuffer> seen = new HashSet<>();
    BsonArray found = new BsonArray();
    BsonArray frontier = values(startWith.evaluate(execution.scope(document)));
    for (long depth = 0; depth <= maxDepth && !frontier.isEmpty(); depth++) {
      Matcher connected = Matcher.compile(new BsonDocument("$and", new BsonArray(List.of(
          new BsonDocument(connectToField, new BsonDocument("$in", frontier)), restrictSearchWithMatch))),
          execution.variables());
      BsonArray next = new BsonArray();
      for (BsonDocument candidate : collection) {
        if (connected.matches(candidate) && seen.add(ByteBuffer.wrap(KeyCodec.encode(candidate.get("_id"))))) {
          found.add(depthField == null ? candidate
              : Documents.with(candidate, Expressions.fieldPath(depthField), new BsonInt64(depth)));
          BsonValue connectFrom = connectFromField.resolve(candidate);
          if (connectFrom != null) {
            next.addAll(values(connectFrom));
          }
        }
      }
      frontier = next;
    }
    return Documents.with(document, Expressions.fieldPath(as), found);
  }

  /** A value to search for, or each element of an array value; missing searches for null. */
  private static BsonArray values(BsonValue value) {
    if (value == null) {
      return new BsonArray(List.of(BsonNull.VALUE));
    }
    return value.isArray() ? value.asArray() : new BsonArray(List.of(value));
  }
}

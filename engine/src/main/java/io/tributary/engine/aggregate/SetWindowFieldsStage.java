package io.tributary.engine.aggregate;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.Expression;
import io.tributary.engine.expression.Expressions;
import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.Scope;
import io.tributary.engine.expression.SortKey;
import io.tributary.engine.expression.Values;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonValue;

/**
 * {@code $setWindowFields: {partitionBy, sortBy, output}}: splits the documents into partitions (by the value of
 * {@code partitionBy}, in BSON order; strings under the run's collation), sorts each by {@code sortBy} (stably,
 * under the collation) and sets each output field to its
 * {@link WindowFunction} over the partition. Blocking. Range windows are not supported.
 */
record SetWindowFieldsStage(Expression partitionBy, List<SortKey> sortKeys,
    Map<String, WindowFunction> outputs) implements BlockingStage {
  static final String NAME = "$setWindowFields";

  static SetWindowFieldsStage parse(BsonValue spec, ParseContext context) {
    if (!spec.isDocument()) {
      throw ErrorCode.FAILED_TO_PARSE.error("the $setWindowFields stage specification must be an object, found "
          + Values.typeName(spec));
    }
    BsonDocument window = spec.asDocument();
    for (String key : window.keySet()) {
      if (!List.of("partitionBy", "sortBy", "output").contains(key)) {
        throw ErrorCode.location(40415).error("BSON field '$setWindowFields." + key + "' is an unknown field.");
      }
    }
    if (!window.isDocument("output")) {
      throw ErrorCode.location(40414).error("BSON field '$setWindowFields.output' is missing but a required field");
    }
    BsonValue sort = window.get("sortBy");
    List<SortKey> sortKeys = sort == null ? List.of() : SortKey.parse(sort);
    SortKey rankKey = sortKeys.size() == 1 ? sortKeys.get(0) : null;
    Map<String, WindowFunction> outputs = new LinkedHashMap<>();
    window.getDocument("output").forEach((field, function) -> {
      Expressions.fieldPath(field);
      outputs.put(field, WindowFunction.parse(field, function, rankKey, context));
    });
    return new SetWindowFieldsStage(
        window.containsKey("partitionBy") ? Expressions.parse(window.get("partitionBy"), context) : null,
        sortKeys, outputs);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<BsonDocument> emit(List<BsonDocument> documents, Execution execution) {
    List<BsonDocument> output = new ArrayList<>();
    partitions(documents, execution).forEach(partition -> output.addAll(compute(partition, execution)));
    return output;
  }

  private List<List<BsonDocument>> partitions(List<BsonDocument> documents, Execution execution) {
    Map<ByteBuffer, List<BsonDocument>> partitions = new LinkedHashMap<>();
    Map<ByteBuffer, BsonValue> keys = new LinkedHashMap<>();
    Collation collation = execution.variables().collation();
    documents.forEach(document -> {
      BsonValue key = partitionBy == null ? BsonNull.VALUE : partitionBy.evaluate(execution.scope(document));
      BsonValue partitionKey = key == null ? BsonNull.VALUE : key;
      ByteBuffer encoded = ByteBuffer.wrap(KeyCodec.encode(collation.key(partitionKey)));
      keys.putIfAbsent(encoded, partitionKey);
      partitions.computeIfAbsent(encoded, k -> new ArrayList<>()).add(document);
    });
    List<ByteBuffer> order = new ArrayList<>(partitions.keySet());
    order.sort(Comparator.comparing(keys::get, (left, right) -> Values.compare(left, right, collation)));
    Comparator<BsonDocument> sortBy = SortKey.comparator(sortKeys, collation);
    List<List<BsonDocument>> sorted = new ArrayList<>();
    for (ByteBuffer key : order) {
      List<BsonDocument> partition = partitions.get(key);
      partition.sort(sortBy);
      sorted.add(partition);
    }
    return sorted;
  }

  private List<BsonDocument> compute(List<BsonDocument> partition, Execution execution) {
    List<Scope> scopes = new ArrayList<>(partition.size());
    partition.forEach(document -> scopes.add(execution.scope(document)));
    List<BsonDocument> results = new ArrayList<>(partition.size());
    for (int i = 0; i < partition.size(); i++) {
      BsonDocument result = partition.get(i);
      for (Map.Entry<String, WindowFunction> output : outputs.entrySet()) {
        result = Documents.with(result, Expressions.fieldPath(output.getKey()),
            output.getValue().valueAt(partition, scopes, i));
      }
      results.add(result);
    }
    return results;
  }
}

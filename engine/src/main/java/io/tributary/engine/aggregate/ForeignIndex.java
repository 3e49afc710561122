package io.tributary.engine.aggregate;

import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.bson.KeyCodec;
import io.tributary.engine.expression.SystemVariables;
import io.tributary.engine.query.Matcher;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The documents of a foreign collection, with a hash of the values of one field, so that {@code $lookup} finds
 * a document's partners with one probe per local value instead of one scan per document. The join means the
 * query {@code {field: {$in: values}}}; a probe answers it exactly for ordinary values, while null (whose
 * matching involves missing fields and arrays) and regular expressions are answered by the {@link Matcher}.
 * Built once per run; not thread-safe.
 */
final class ForeignIndex {
  private final List<BsonDocument> documents;
  private final String field;
  private final SystemVariables variables;
  private Map<ByteBuffer, List<Integer>> positions;

  /** The documents of a foreign collection and the field they are joined on, compared in binary order. */
  ForeignIndex(List<BsonDocument> documents, String field) {
    this(documents, field, new SystemVariables(null, null, new BsonDocument()));
  }

  /**
   * The documents of a foreign collection and the field they are joined on (null for no equality join), compared
   * under the collation of the run's {@code variables}.
   */
  ForeignIndex(List<BsonDocument> documents, String field, SystemVariables variables) {
    this.documents = documents;
    this.field = field;
    this.variables = variables;
  }

  List<BsonDocument> all() {
    return documents;
  }

  /** The documents matching {@code {field: {$in: values}}}, in collection order. */
  List<BsonDocument> matching(List<BsonValue> values) {
    if (values.stream().anyMatch(value -> value.isNull() || value.isRegularExpression())) {
      Matcher matcher = Matcher.compile(new BsonDocument(field, new BsonDocument("$in", new BsonArray(values))),
          variables);
      return documents.stream().filter(matcher::matches).toList();
    }
    TreeSet<Integer> found = new TreeSet<>();
    values.forEach(value -> found.addAll(positions().getOrDefault(key(value), List.of())));
    List<BsonDocument> matches = new ArrayList<>(found.size());
    found.forEach(i -> matches.add(documents.get(i)));
    return matches;
  }

  private Map<ByteBuffer, List<Integer>> positions() {
    if (positions == null) {
      positions = new HashMap<>();
      FieldPath path = FieldPath.parse(field);
      for (int i = 0; i < documents.size(); i++) {
        for (BsonValue value : path.values(documents.get(i))) {
          positions.computeIfAbsent(key(value), k -> new ArrayList<>()).add(i);
        }
      }
    }
    return positions;
  }

  private ByteBuffer key(BsonValue value) {
    return ByteBuffer.wrap(KeyCodec.encode(variables.collation().key(value)));
  }
}

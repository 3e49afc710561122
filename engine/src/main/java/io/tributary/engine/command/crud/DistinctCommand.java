package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code distinct}: the distinct values of {@code key} among documents matching {@code query}; array values
 * contribute their elements, and values equal in MongoDB's order (1 and 1.0) or under the {@code collation}
 * count once. Reply:
 * {@code {values: [...]}} sorted in BSON order.
 */
public final class DistinctCommand implements SyncCommand {
  @Override
  public String name() {
    return "distinct";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    BsonValue key = command.get("key");
    if (key == null || !key.isString()) {
      throw ErrorCode.FAILED_TO_PARSE.error("BSON field 'distinct.key' is missing but a required field");
    }
    FieldPath path = FieldPath.parse(key.asString().getValue());
    BsonDocument query = CommandArguments.document(command, "query", new BsonDocument());
    Collation collation = CommandCollation.of(context.engine(), namespace, command);
    Matcher matcher = Matcher.compile(query,
        EnginePipelineContext.of(context, command).variables().withCollation(collation));
    List<BsonValue> values = new ArrayList<>();
    ReadSnapshot read = ReadSnapshot.open(context, command);
    try (read; Stream<MatchedDocument> matching =
        ReadTarget.query(context.engine(), read.view(), namespace, new QueryRequest(query, null, command.get("hint")),
            matcher).documents()) {
      matching.forEach(m -> values.addAll(path.values(m.document())));
    }
    return read.report(new BsonDocument("values", distinct(values, collation)));
  }

  /** The values in collation order, each once; of values equal under the collation the first in BSON order. */
  private static BsonArray distinct(List<BsonValue> values, Collation collation) {
    Comparator<BsonValue> order = (a, b) -> BsonOrder.compare(a, b, collation);
    values.sort(order.thenComparing(BsonOrder.COMPARATOR));
    BsonArray distinct = new BsonArray();
    BsonValue previous = null;
    for (BsonValue value : values) {
      if (previous == null || order.compare(previous, value) != 0) {
        distinct.add(value);
        previous = value;
      }
    }
    return distinct;
  }
}

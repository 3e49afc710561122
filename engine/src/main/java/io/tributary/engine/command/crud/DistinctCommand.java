package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonOrder;
import io.tributary.engine.bson.FieldPath;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code distinct}: the distinct values of {@code key} among documents matching {@code query}; array values
 * contribute their elements, and values equal in MongoDB's order (1 and 1.0) count once. Reply:
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
    List<BsonValue> values = new ArrayList<>();
    ReadSnapshot read = ReadSnapshot.open(context, command);
    try (read; Stream<MatchedDocument> matching =
        ReadTarget.matching(context.engine(), read.view(), namespace, query)) {
      matching.forEach(m -> values.addAll(path.values(m.document())));
    }
    values.sort(BsonOrder.COMPARATOR);
    BsonArray distinct = new BsonArray();
    for (BsonValue value : values) {
      if (distinct.isEmpty() || BsonOrder.compare(distinct.get(distinct.size() - 1), value) != 0) {
        distinct.add(value);
      }
    }
    return read.report(new BsonDocument("values", distinct));
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.command.SyncCommand;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * {@code count}: the number of documents matching {@code query}, after {@code skip} and {@code limit}, read
 * through the planned (or hinted) index.
 */
public final class CountCommand implements SyncCommand {
  @Override
  public String name() {
    return "count";
  }

  @Override
  public BsonDocument run(CommandContext context, BsonDocument command) {
    Namespace namespace = CommandArguments.namespace(context, command);
    BsonDocument query = CommandArguments.document(command, "query", new BsonDocument());
    long skip = Math.max(0, CommandArguments.longValue(command, "skip", 0));
    long limit = Math.abs(CommandArguments.longValue(command, "limit", 0));
    long n = 0;
    try (ReadSnapshot read = ReadSnapshot.open(context, command);
        Stream<MatchedDocument> matching = ReadTarget.query(context.engine(), read.view(), namespace,
            new QueryRequest(query, null, command.get("hint")), CommandCollation.matcher(context.engine(), namespace, command, query,
                EnginePipelineContext.of(context, command).variables())).documents()) {
      Stream<MatchedDocument> window = matching.skip(skip);
      n = (limit > 0 ? window.limit(limit) : window).count();
    }
    return new BsonDocument("n", new BsonInt32((int) n));
  }
}

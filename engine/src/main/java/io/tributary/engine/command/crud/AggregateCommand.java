package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.Pipeline;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.command.Command;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.ReadView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * {@code aggregate} on a collection or, with {@code aggregate: 1}, on the database ({@code $documents} and
 * friends; the reply namespace is {@code db.$cmd.aggregate}). A pipeline that starts with {@code $changeStream}
 * is handed to the engine's {@link io.tributary.engine.changestream.ChangeStreamOpener}; any other runs
 * {@link Pipeline} over a storage snapshot and answers with a cursor. On a view, the view's pipeline runs first
 * over its backing collection. A first {@code $collStats} stage replaces the collection's documents with its one
 * statistics document ({@link CollectionStats}).
 */
public final class AggregateCommand implements Command {
  @Override
  public String name() {
    return "aggregate";
  }

  @Override
  public CompletableFuture<BsonDocument> execute(CommandContext context, BsonDocument command) {
    try {
      List<BsonDocument> stages = stages(command);
      if (!stages.isEmpty() && stages.get(0).containsKey("$changeStream")) {
        return context.engine().changeStreamOpener().open(context, command);
      }
      return CompletableFuture.completedFuture(aggregate(context, command, stages));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static BsonDocument aggregate(CommandContext context, BsonDocument command, List<BsonDocument> stages) {
    if (CommandArguments.bool(command, "explain", false) && command.get("aggregate").isString()) {
      return AggregateExplain.explain(context, command, false);
    }
    BsonDocument cursorOptions = CommandArguments.document(command, "cursor");
    if (cursorOptions == null && !CommandArguments.bool(command, "explain", false)) {
      throw ErrorCode.FAILED_TO_PARSE.error(
          "The 'cursor' option is required, except for aggregate with the explain argument");
    }
    BsonValue target = command.get("aggregate");
    Namespace namespace = target.isString() ? CommandArguments.namespace(context, command)
        : Namespace.of(context.database(), "$cmd.aggregate");
    Namespace source = namespace;
    List<BsonDocument> all = stages;
    BsonValue collStats = target.isString() && !stages.isEmpty() ? stages.get(0).get("$collStats") : null;
    Optional<ViewDefinition> view = ViewDefinition.resolve(context.engine().catalog(), namespace);
    if (collStats != null) {
      all = stages.subList(1, stages.size()); // its one document replaces the collection's
    } else if (view.isPresent()) {
      source = view.get().source();
      all = new ArrayList<>(view.get().pipeline());
      all.addAll(stages);
    }
    EnginePipelineContext pipelineContext = new EnginePipelineContext(context.engine(), context.database(),
        CommandArguments.document(command, "let"), context.lsid(),
        CommandCollation.of(context.engine(), namespace, command));
    Pipeline pipeline = Pipeline.parse(all, pipelineContext);
    pipeline.output().ifPresent(output -> refuseLinearizable(command, output.name()));
    ReadSnapshot read = ReadSnapshot.open(context, command);
    Stream<BsonDocument> documents = !target.isString() ? Stream.empty()
        : collStats != null ? Stream.of(CollectionStats.of(context.engine(), read.view(), namespace, collStats))
        : input(context, read.view(), source, view.isPresent(), all, command, pipelineContext);
    Iterator<BsonDocument> results = pipeline.run(documents.iterator(), pipelineContext);
    if (pipeline.output().isPresent()) {
      DurableAck.acknowledged(context, command, () -> {
        try {
          PipelineOutputWriter.write(context, pipeline.output().get(), results, pipelineContext);
        } finally {
          documents.close();
          read.close();
        }
        return null;
      });
      return QueryCursors.open(context, namespace, Collections.emptyIterator(), () -> { },
          batchSize(cursorOptions), false, false);
    }
    BsonDocument reply = QueryCursors.open(context, namespace, results, () -> {
      documents.close();
      read.close();
    }, batchSize(cursorOptions), false, false);
    read.report(reply.getDocument("cursor"));
    return reply;
  }

  /**
   * The collection's documents the pipeline reads: those its leading {@code $match} selects, through the planned
   * (or hinted) index; a view's backing collection is scanned.
   */
  private static Stream<BsonDocument> input(CommandContext context, ReadView view, Namespace source,
      boolean isView, List<BsonDocument> stages, BsonDocument command, EnginePipelineContext pipelineContext) {
    if (isView) {
      DocumentCursor documents = ReadTarget.scan(context.engine(), view, source);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(ReadTarget.documents(documents),
          Spliterator.ORDERED), false).onClose(documents::close);
    }
    QueryRequest request = PipelineSource.request(stages, command.get("hint"));
    Matcher matcher = Matcher.compile(request.filter(), pipelineContext.variables());
    return ReadTarget.query(context.engine(), view, source, request, matcher).documents()
        .map(MatchedDocument::document);
  }

  /** mongod refuses to write from an aggregate whose read concern is linearizable. */
  private static void refuseLinearizable(BsonDocument command, String stage) {
    BsonDocument readConcern = CommandArguments.document(command, "readConcern");
    if (readConcern != null && readConcern.isString("level")
        && readConcern.getString("level").getValue().equals("linearizable")) {
      throw ErrorCode.INVALID_OPTIONS.error(stage + " cannot be used with a 'linearizable' read concern level");
    }
  }

  private static int batchSize(BsonDocument cursorOptions) {
    return cursorOptions == null ? QueryCursors.DEFAULT_FIRST_BATCH
        : QueryCursors.batchSize(cursorOptions, "batchSize");
  }

  private static List<BsonDocument> stages(BsonDocument command) {
    BsonValue pipeline = command.get("pipeline");
    if (pipeline == null || !pipeline.isArray()) {
      throw ErrorCode.TYPE_MISMATCH.error("'pipeline' option must be specified as an array");
    }
    List<BsonDocument> stages = new ArrayList<>();
    for (BsonValue stage : pipeline.asArray()) {
      if (!stage.isDocument()) {
        throw ErrorCode.TYPE_MISMATCH.error("Each element of the 'pipeline' array must be an object");
      }
      stages.add(stage.asDocument());
    }
    return stages;
  }
}

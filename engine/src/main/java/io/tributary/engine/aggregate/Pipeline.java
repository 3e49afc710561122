package io.tributary.engine.aggregate;

import io.tributary.engine.expression.ParseContext;
import io.tributary.engine.expression.SystemVariables;
import io.tributary.engine.query.Matcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * A parsed aggregation pipeline. Parsing validates every stage: a stage document has exactly one field (40323),
 * its name is known (40324; {@code $changeStream} must have been taken off the front by the caller, else 40602),
 * and its specification is valid with mongod's codes.
 *
 * <p>{@link #run} evaluates lazily: streaming stages pull documents only as the result is consumed; blocking
 * stages ({@code $sort}, {@code $group}, ...) drain their input when first asked. A pipeline made only of
 * {@linkplain #isDocumentWise() document-wise} stages can also be applied to one document at a time with
 * {@link #applyTo}; change streams use that on each event.
 *
 * <p>Immutable and thread-safe: parse once, run any number of times concurrently.
 */
public final class Pipeline {
  private final List<Stage> stages;
  private final PipelineOutput output;
  private final boolean documentWise; // computed once: change streams apply the pipeline to every event

  private Pipeline(List<Stage> stages, PipelineOutput output) {
    this.stages = List.copyOf(stages);
    this.output = output;
    this.documentWise = output == null && this.stages.stream().allMatch(stage -> stage instanceof DocumentStage);
  }

  /** Parses {@code stages}; the variables of {@code context.let()} are in scope. */
  public static Pipeline parse(List<BsonDocument> stages, PipelineContext context) {
    context.let().keySet().forEach(ParseContext::validateUserVariableName);
    return parse(stages, context.let().keySet());
  }

  /** Parses {@code stages} with the given user variable names in scope. */
  public static Pipeline parse(List<BsonDocument> stages, Collection<String> variables) {
    ParseContext context = ParseContext.EMPTY.withVariables(variables);
    if (stages.isEmpty() || !Stages.OUTPUTS.contains(Stages.name(stages.get(stages.size() - 1)))) {
      return new Pipeline(Stages.parse(stages, context), null);
    }
    BsonDocument last = stages.get(stages.size() - 1);
    PipelineOutput output = last.containsKey(OutStage.NAME) ? OutStage.parse(last.get(OutStage.NAME))
        : MergeStage.parse(last.get(MergeStage.NAME), context);
    return new Pipeline(Stages.parse(stages.subList(0, stages.size() - 1), context), output);
  }

  /** The name of a stage document ({@code $match}), failing with 40323 unless it has exactly one field. */
  public static String stageName(BsonDocument stage) {
    return Stages.name(stage);
  }

  /** The stage names in order, as written ({@code $set} stays {@code $set}), a final {@code $out}/{@code $merge} included. */
  public List<String> stageNames() {
    List<String> names = new ArrayList<>(stages.stream().map(Stage::name).toList());
    if (output != null) {
      names.add(output.name());
    }
    return names;
  }

  /**
   * The final {@code $out} or {@code $merge}, if any. {@link #run} does not write: it returns the documents to
   * write, and the caller writes them as the output says.
   */
  public Optional<PipelineOutput> output() {
    return Optional.ofNullable(output);
  }

  /**
   * The filters of a pipeline made only of {@code $match} stages that need no variables (no {@code $expr}), else
   * null. Under the simple collation such a pipeline keeps exactly the documents all of them match, so a caller
   * running it on many single documents (change-stream events) may test them directly, without an execution
   * context per document.
   */
  public List<Matcher> constantFilters() {
    List<Matcher> filters = new ArrayList<>();
    for (Stage stage : stages) {
      if (!(stage instanceof MatchStage match) || match.constant() == null) {
        return null;
      }
      filters.add(match.constant());
    }
    return output == null ? filters : null;
  }

  /** True when every stage maps one document to at most one document, so {@link #applyTo} may be used. */
  public boolean isDocumentWise() {
    return documentWise;
  }

  /**
   * The pipeline's output over {@code input}, computed lazily as the returned iterator is consumed (for a pipeline
   * with an {@linkplain #output() output stage}, the documents to write).
   */
  public Iterator<BsonDocument> run(Iterator<BsonDocument> input, PipelineContext context) {
    return CompositeStage.chain(stages, input, execution(context));
  }

  /**
   * The output of a document-wise pipeline for one document, or null when a stage dropped it. Fails with
   * IllegalStateException for pipelines with other stages (check {@link #isDocumentWise()} first).
   */
  public BsonDocument applyTo(BsonDocument document, PipelineContext context) {
    if (!isDocumentWise()) {
      throw new IllegalStateException("not a document-wise pipeline: " + stageNames());
    }
    Execution execution = execution(context);
    BsonDocument current = document;
    for (int i = 0; i < stages.size() && current != null; i++) {
      current = ((DocumentStage) stages.get(i)).applyTo(current, execution);
    }
    return current;
  }

  private static Execution execution(PipelineContext context) {
    SystemVariables system = new SystemVariables(context.now(), context.clusterTime(), new BsonDocument(),
        context.collation());
    return new Execution(context, system.withLet(context.let()));
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.MergeStage;
import io.tributary.engine.aggregate.PipelineContext;
import io.tributary.engine.aggregate.PipelineOutput;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.BsonDocument;

/**
 * Writes the results of a pipeline ending in {@code $out} or {@code $merge}. {@code $out} replaces the target's
 * documents in one atomic write (the collection and its indexes stay; a duplicate key leaves it untouched).
 * {@code $merge} writes document by document, as {@link MergeStage#resolve} decides. Stateless.
 */
final class PipelineOutputWriter {
  private PipelineOutputWriter() {}

  static void write(CommandContext context, PipelineOutput output, Iterator<BsonDocument> results,
      PipelineContext pipelineContext) {
    Namespace target = output.target(pipelineContext);
    List<BsonDocument> documents = new ArrayList<>();
    results.forEachRemaining(document -> documents.add(NewDocuments.prepare(document)));
    if (output instanceof MergeStage) {
      documents.forEach(document -> merge(context, (MergeStage) output, target, document, pipelineContext));
    } else {
      context.engine().writer().write(null, unit -> {
        replaceContents(unit, target, documents);
        return null;
      });
    }
  }

  private static void replaceContents(WriteUnit unit, Namespace target, List<BsonDocument> documents) {
    CollectionMetadata collection = unit.collectionForWrite(target);
    List<StoredDocument> existing = new ArrayList<>();
    try (DocumentCursor cursor = Documents.scan(unit.view(), collection, false)) {
      cursor.forEachRemaining(existing::add);
    }
    existing.forEach(stored -> unit.delete(collection, stored));
    documents.forEach(document -> unit.insert(collection, document));
  }

  private static void merge(CommandContext context, MergeStage merge, Namespace target, BsonDocument document,
      PipelineContext pipelineContext) {
    context.engine().writer().write(null, unit -> {
      CollectionMetadata collection = unit.collectionForWrite(target);
      Optional<StoredDocument> existing;
      try (Stream<MatchedDocument> matches =
          CollectionQuery.matching(unit.view(), collection, merge.matchFilter(document))) {
        existing = matches.findFirst().map(MatchedDocument::stored);
      }
      MergeStage.Action action =
          merge.resolve(document, existing.map(StoredDocument::document).orElse(null), pipelineContext);
      switch (action.kind()) {
        case INSERT:
          unit.insert(collection, action.document());
          break;
        case REPLACE:
          unit.update(collection, existing.orElseThrow(), keepId(existing.get().document(), action.document()), null);
          break;
        default:
          break;
      }
      return null;
    });
  }

  /** The replacement, which may not change the matched document's {@code _id}. */
  private static BsonDocument keepId(BsonDocument existing, BsonDocument replacement) {
    if (!existing.get("_id").equals(replacement.get("_id"))) {
      throw ErrorCode.IMMUTABLE_FIELD.error("$merge failed to update the matching document, did you attempt to "
          + "modify the _id or the shard key? :: caused by :: Performing an update on the path '_id' would modify "
          + "the immutable field '_id'");
    }
    return NewDocuments.prepare(replacement);
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.cursor.CursorRegistry;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.query.Matcher;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonTimestamp;

/**
 * A {@code find} with {@code tailable} (and {@code awaitData}) on a capped collection or {@code local.oplog.rs}:
 * checked as mongod checks it, then answered by a {@link TailableCursor}, which stays open while the collection has
 * documents (mongod keeps no tailable cursor on
 * an empty collection, SERVER-13955) until its {@code limit} is reached. Stateless.
 */
final class TailableFind {
  private TailableFind() {}

  /** Whether {@code command} asks for a tailable cursor; {@code awaitData} alone fails as in mongod. */
  static boolean requested(BsonDocument command) {
    boolean tailable = CommandArguments.bool(command, "tailable", false);
    if (!tailable && CommandArguments.bool(command, "awaitData", false)) {
      throw ErrorCode.FAILED_TO_PARSE.error("Cannot set 'awaitData' without also setting 'tailable'");
    }
    return tailable;
  }

  static BsonDocument open(CommandContext context, Namespace namespace, BsonDocument command,
      FindCommand.FindOptions options, Matcher matcher) {
    BsonDocument sort = CommandArguments.document(command, "sort");
    if (sort != null && !sort.isEmpty() && !sort.equals(new BsonDocument("$natural", new BsonInt32(1)))) {
      throw ErrorCode.BAD_VALUE.error("cannot use tailable option with a sort other than {$natural: 1}");
    }
    if (options.singleBatch()) {
      throw ErrorCode.BAD_VALUE.error("cannot use tailable option with the 'singleBatch' option");
    }
    Optional<TailSource> source = source(context, namespace, options);
    if (source.isEmpty()) {
      return CursorReply.first(namespace, 0, new CursorBatch(List.of(), null, true));
    }
    CursorRegistry cursors = context.engine().cursors();
    TailableCursor cursor = new TailableCursor(cursors.newCursorId(), namespace, context.lsid(), context.engine(),
        source.get(), matcher, options.projection(), CommandArguments.bool(command, "awaitData", false),
        options.skip(), options.limit());
    try (ReadSnapshot read = ReadSnapshot.open(context, command)) {
      CursorBatch batch = cursor.firstBatch(read.view(), start(source.get(), options), options.firstBatchSize());
      boolean open = !batch.exhausted() && hasDocuments(read, source.get());
      if (open) {
        cursors.register(cursor, options.noCursorTimeout());
      }
      return CursorReply.first(namespace, open ? cursor.id() : 0, new CursorBatch(batch.documents(), null, !open));
    }
  }

  /** What the cursor follows: the oplog, a capped collection, or nothing when the namespace does not exist. */
  private static Optional<TailSource> source(CommandContext context, Namespace namespace,
      FindCommand.FindOptions options) {
    if (OplogCollection.is(namespace)) {
      return Optional.of(new TailSource.Oplog(context.engine()));
    }
    Optional<CollectionMetadata> collection = context.engine().catalog().lookup(namespace);
    if (collection.isPresent() && !collection.get().isCapped()) {
      throw ErrorCode.BAD_VALUE.error("error processing query: " + describe(namespace, options)
          + " tailable cursor requested on non capped collection");
    }
    return collection.map(c -> TailSource.Collection.of(context.engine(), c));
  }

  /** Where the first batch starts: on the oplog, just before a {@code ts} lower bound in the filter, if any. */
  private static long start(TailSource source, FindCommand.FindOptions options) {
    BsonTimestamp from = source instanceof TailSource.Oplog ? OplogTarget.lowerBound(options.filter()) : null;
    return from == null || from.getValue() == 0 ? 0 : from.getValue() - 1;
  }

  private static boolean hasDocuments(ReadSnapshot read, TailSource source) {
    try (DocumentCursor documents = source.after(read.view(), 0)) {
      return documents.hasNext();
    }
  }

  /** The query as mongod's canonical query prints itself in this error. */
  private static String describe(Namespace namespace, FindCommand.FindOptions options) {
    String tree = options.filter().isEmpty() ? "$and" : options.filter().toJson();
    return "ns=" + namespace + "Tree: " + tree + "\nSort: " + json(options.sortSpec()) + "\nProj: {}\n";
  }

  private static String json(BsonDocument document) {
    return document == null ? "{}" : document.toJson();
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.TypeBracket;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.CommandContext;
import io.tributary.engine.cursor.CursorBatch;
import io.tributary.engine.oplog.OplogCollection;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;

/**
 * mongod's IDHACK for {@code find}: a plain find by {@code _id} equality on a collection reads the one document the
 * {@code _id} index maps the value to, with no matcher, plan, stream or cursor, and answers exactly as the general
 * path of {@link FindCommand} does. The index finds exactly the documents the filter matches: {@link
 * io.tributary.engine.bson.KeyCodec} keys are equal when {@code BsonOrder} says the values are, strings under the
 * index's collation, which must then be the command's. Every other case is left to the general path. Stateless.
 */
final class IdLookupFind {
  /** Options the general path reads beyond {@link FindCommand.FindOptions}: they may fail or change the result. */
  private static final List<String> GENERAL_OPTIONS = List.of("let", "tailable", "awaitData");

  private IdLookupFind() {}

  /**
   * The reply of {@code command}, a find on {@code namespace} with {@code options} under {@code collation}; empty
   * when the general path must answer it.
   */
  static Optional<BsonDocument> run(CommandContext context, Namespace namespace, BsonDocument command,
      FindCommand.FindOptions options, Collation collation) {
    Optional<BsonValue> id = options.projection() == null ? options.request().idLookup() : Optional.empty();
    if (id.isEmpty() || id.get().getBsonType() == BsonType.UNDEFINED || CommandArguments.hasAny(command, GENERAL_OPTIONS)
        || OplogCollection.is(namespace)) {
      return Optional.empty(); // an undefined _id fails to parse as a filter: the general path says so
    }
    Optional<CollectionMetadata> collection = context.engine().catalog().lookup(namespace)
        .filter(target -> !target.isView())
        .filter(target -> TypeBracket.of(id.get()) != TypeBracket.STRING
            || target.idIndex().collation().equals(collation));
    if (collection.isEmpty()) {
      return Optional.empty();
    }
    try (ReadSnapshot read = ReadSnapshot.open(context, command)) {
      Optional<StoredDocument> stored = options.skip() > 0 ? Optional.empty()
          : Documents.findById(read.view(), collection.get(), id.get());
      List<BsonDocument> found = stored.map(document -> List.of(document.document())).orElse(List.of());
      // The catalog's namespace (equal to the command's) has its full name built already.
      BsonDocument reply = CursorReply.first(collection.get().namespace(), 0, new CursorBatch(found, null, true));
      read.report(reply.getDocument("cursor"));
      return Optional.of(reply);
    }
  }
}

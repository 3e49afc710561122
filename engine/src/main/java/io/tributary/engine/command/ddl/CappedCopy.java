package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.WriteUnit;
import io.tributary.engine.command.crud.CommandArguments;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What {@code cloneCollectionAsCapped} and {@code convertToCapped} share: a new capped collection filled with a
 * collection's documents in natural order, each inserted as such (so the oldest are deleted as the limits
 * require, and the oplog holds the create and the inserts, as mongod logs them). Only the {@code _id} index comes
 * along, as in mongod. Stateless.
 */
final class CappedCopy {
  private CappedCopy() {}

  /** The command's {@code size}: required, checked as {@code create} checks it. */
  static long size(BsonDocument command, String commandName) {
    BsonValue value = command.get("size");
    if (value == null) {
      throw ErrorCode.location(40414).error("BSON field '" + commandName + ".size' is missing but a required field");
    }
    if (!value.isNumber()) {
      throw CommandArguments.typeMismatch(commandName + ".size", "double", value);
    }
    long size = value.asNumber().longValue();
    CappedOptions.checkLimits(size, null);
    return size;
  }

  /** The collection to copy from; a view or a missing namespace fails as in mongod. */
  static CollectionMetadata source(WriteUnit unit, Namespace namespace, String commandName) {
    CollectionMetadata source = unit.collection(namespace).orElseThrow(() ->
        ErrorCode.NAMESPACE_NOT_FOUND.error("source collection " + namespace + " does not exist"));
    if (source.isView()) {
      throw ErrorCode.COMMAND_NOT_SUPPORTED_ON_VIEW.error(commandName + " not supported for views: " + namespace);
    }
    return source;
  }

  /** Creates {@code target} capped at {@code size} bytes with {@code source}'s collation and copies its documents. */
  static CollectionMetadata copy(WriteUnit unit, CollectionMetadata source, Namespace target, long size) {
    BsonDocument options = CappedOptions.limits(size, null);
    if (source.options().containsKey("collation")) {
      options.append("collation", source.options().get("collation"));
    }
    CollectionMetadata capped = unit.createCollection(target, options);
    List<BsonDocument> documents = new ArrayList<>();
    try (DocumentCursor cursor = Documents.scan(unit.view(), source, false)) {
      cursor.forEachRemaining(stored -> documents.add(stored.document()));
    }
    documents.forEach(document -> unit.insert(capped, document));
    return capped;
  }
}

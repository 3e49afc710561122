package io.tributary.engine.command.admin;

import io.tributary.engine.Namespace;
import io.tributary.engine.changestream.ImageRetention;
import io.tributary.engine.catalog.Catalog;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.catalog.Writer;
import io.tributary.engine.command.ServerParameters;
import io.tributary.engine.storage.ReadView;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;

/**
 * Cluster parameters are stored, as in mongod, one document per parameter in {@code config.clusterParameters}:
 * {@code {_id: name, clusterParameterTime, ...value}}, written through the ordinary commit path (so they are as
 * durable as any write and survive a restart) and loaded into the {@link ServerParameters} at startup, which
 * serve every read. Stateless.
 */
public final class ClusterParameters {
  static final Namespace NAMESPACE = Namespace.of("config", "clusterParameters");
  /** The cluster parameters Tributary has; their current values live in the server parameters. */
  static final List<String> NAMES = List.of(ImageRetention.PARAMETER);

  private ClusterParameters() {}

  /** Stores {@code value} as cluster parameter {@code name} at {@code time} and returns the stored document. */
  static BsonDocument save(Writer writer, String name, BsonDocument value, BsonTimestamp time) {
    BsonDocument stored = new BsonDocument("_id", new BsonString(name)).append("clusterParameterTime", time);
    stored.putAll(value);
    writer.write(null, unit -> {
      CollectionMetadata collection = unit.collectionForWrite(NAMESPACE);
      Optional<StoredDocument> existing = Documents.findById(unit.view(), collection, stored.get("_id"));
      if (existing.isPresent()) {
        unit.update(collection, existing.get(), stored, null);
      } else {
        unit.insert(collection, stored);
      }
      return null;
    });
    return stored;
  }

  /** Applies the stored cluster parameters to {@code parameters}; called once when the engine opens. */
  public static void load(Catalog catalog, ReadView view, ServerParameters parameters) {
    Optional<CollectionMetadata> collection = catalog.lookup(NAMESPACE);
    if (collection.isEmpty()) {
      return;
    }
    for (String name : NAMES) {
      Documents.findById(view, collection.get(), new BsonString(name)).ifPresent(stored -> {
        BsonDocument value = stored.document().clone();
        value.remove("_id");
        value.remove("clusterParameterTime");
        parameters.setAtRuntime(name, value);
      });
    }
  }

  /** The stored document of {@code name} ({@code {_id, clusterParameterTime, ...}}), if it was ever set. */
  static Optional<BsonDocument> stored(Catalog catalog, ReadView view, String name) {
    return catalog.lookup(NAMESPACE)
        .flatMap(collection -> Documents.findById(view, collection, new BsonString(name)))
        .map(StoredDocument::document);
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.Catalog;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A view resolved down to the collection it reads: a view on a view prepends the inner view's pipeline, as
 * mongod resolves them. Immutable.
 *
 * @param source the namespace of the backing collection (which may not exist)
 * @param pipeline the stages that turn the backing collection into the view
 */
public record ViewDefinition(Namespace source, List<BsonDocument> pipeline) {
  /** mongod's limit on the depth of views on views. */
  private static final int MAX_DEPTH = 20;

  /** The definition of {@code namespace} when it is a view. */
  public static Optional<ViewDefinition> resolve(Catalog catalog, Namespace namespace) {
    Optional<CollectionMetadata> metadata = catalog.lookup(namespace);
    if (metadata.isEmpty() || !metadata.get().isView()) {
      return Optional.empty();
    }
    List<BsonDocument> pipeline = new ArrayList<>();
    CollectionMetadata view = metadata.get();
    for (int depth = 0; ; depth++) {
      if (depth == MAX_DEPTH) {
        throw ErrorCode.location(40613).error("View depth too deep or view cycle detected; maximum depth is "
            + MAX_DEPTH);
      }
      pipeline.addAll(0, stages(view.options()));
      Namespace source = Namespace.of(namespace.db(), view.options().getString("viewOn").getValue());
      Optional<CollectionMetadata> next = catalog.lookup(source);
      if (next.isEmpty() || !next.get().isView()) {
        return Optional.of(new ViewDefinition(source, pipeline));
      }
      view = next.get();
    }
  }

  /** The error of a write or index command on a view. */
  public static RuntimeException notACollection(Namespace namespace) {
    return ErrorCode.COMMAND_NOT_SUPPORTED_ON_VIEW.error("Namespace " + namespace + " is a view, not a collection");
  }

  private static List<BsonDocument> stages(BsonDocument options) {
    List<BsonDocument> stages = new ArrayList<>();
    for (BsonValue stage : options.getArray("pipeline", new org.bson.BsonArray())) {
      stages.add(stage.asDocument());
    }
    return stages;
  }
}

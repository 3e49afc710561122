package io.tributary.engine.command.ddl;

import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.command.crud.CommandCollation;
import io.tributary.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * mongod's rule for a new view: every view it reads (its {@code viewOn}, and the {@code from}/{@code coll} of its
 * top-level {@code $lookup}, {@code $graphLookup} and {@code $unionWith} stages) must have the new view's collation,
 * else OptionNotSupportedOnView. Collections are not checked. Stateless.
 */
final class ViewCollations {
  private static final List<String> READING_STAGES = List.of("$lookup", "$graphLookup", "$unionWith");

  private ViewCollations() {}

  /** Fails when the view {@code namespace} with {@code options} would read a view of another collation. */
  static void check(Namespace namespace, BsonDocument options,
      Function<Namespace, Optional<CollectionMetadata>> lookup) {
    if (!options.isString("viewOn")) {
      return;
    }
    Collation collation = options.containsKey("collation") ? Collation.parse(options.get("collation"))
        : Collation.SIMPLE;
    for (Namespace reference : references(namespace.db(), options)) {
      Optional<CollectionMetadata> other = lookup.apply(reference);
      if (other.isPresent() && other.get().isView() && !CommandCollation.defaultOf(other.get()).equals(collation)) {
        throw ErrorCode.OPTION_NOT_SUPPORTED_ON_VIEW.error("View " + namespace
            + " has conflicting collation with view " + reference);
      }
    }
  }

  private static List<Namespace> references(String db, BsonDocument options) {
    List<Namespace> references = new ArrayList<>();
    references.add(Namespace.of(db, options.getString("viewOn").getValue()));
    for (BsonValue stage : options.getArray("pipeline", new BsonArray())) {
      source(stage).ifPresent(name -> references.add(Namespace.of(db, name)));
    }
    return references;
  }

  /** The collection a {@code $lookup}/{@code $graphLookup} ({@code from}) or {@code $unionWith} reads. */
  private static Optional<String> source(BsonValue stage) {
    if (!stage.isDocument() || stage.asDocument().size() != 1
        || !READING_STAGES.contains(stage.asDocument().getFirstKey())) {
      return Optional.empty();
    }
    BsonValue spec = stage.asDocument().get(stage.asDocument().getFirstKey());
    BsonValue from = !spec.isDocument() ? spec
        : spec.asDocument().get(spec.asDocument().containsKey("from") ? "from" : "coll");
    return from != null && from.isString() ? Optional.of(from.asString().getValue()) : Optional.empty();
  }
}

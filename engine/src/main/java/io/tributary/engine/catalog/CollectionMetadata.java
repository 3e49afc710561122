package io.tributary.engine.catalog;

import io.tributary.engine.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.UuidRepresentation;

/**
 * What the catalog knows about one collection: its namespace, UUID, numeric storage id (the prefix of its
 * documents in the DOCUMENTS key space), the options it was created with (as {@code listCollections} reports
 * them) and its indexes, the {@code _id} index first. Immutable; changes produce a new instance.
 */
public record CollectionMetadata(Namespace namespace, UUID uuid, long id, BsonDocument options,
    List<IndexDescriptor> indexes) {

  public CollectionMetadata {
    indexes = List.copyOf(indexes);
  }

  /** Whether writes record pre- and post-images ({@code changeStreamPreAndPostImages: {enabled: true}}). */
  public boolean recordsPreAndPostImages() {
    BsonDocument setting = options.getDocument("changeStreamPreAndPostImages", new BsonDocument());
    return setting.getBoolean("enabled", org.bson.BsonBoolean.FALSE).getValue();
  }

  /** The limits of a capped collection, or null when it is not capped. */
  public CappedLimits cappedLimits() {
    return CappedLimits.of(options);
  }

  public boolean isCapped() {
    return cappedLimits() != null;
  }

  public boolean isView() {
    return options.containsKey("viewOn");
  }

  public IndexDescriptor idIndex() {
    return indexes.get(0);
  }

  public Optional<IndexDescriptor> index(String name) {
    return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public CollectionMetadata withOptions(BsonDocument newOptions) {
    return new CollectionMetadata(namespace, uuid, id, newOptions, indexes);
  }

  public CollectionMetadata withIndexes(List<IndexDescriptor> newIndexes) {
    return new CollectionMetadata(namespace, uuid, id, options, newIndexes);
  }

  public CollectionMetadata withIndex(IndexDescriptor index) {
    List<IndexDescriptor> all = new ArrayList<>(indexes);
    all.add(index);
    return withIndexes(all);
  }

  public CollectionMetadata renamedTo(Namespace target) {
    return new CollectionMetadata(target, uuid, id, options, indexes);
  }

  public BsonDocument toBson() {
    BsonArray storedIndexes = new BsonArray();
    indexes.forEach(index -> storedIndexes.add(index.toBson()));
    return new BsonDocument("ns", new BsonString(namespace.fullName()))
        .append("uuid", new BsonBinary(uuid, UuidRepresentation.STANDARD))
        .append("id", new BsonInt64(id))
        .append("options", options)
        .append("indexes", storedIndexes);
  }

  public static CollectionMetadata fromBson(BsonDocument stored) {
    List<IndexDescriptor> indexes = new ArrayList<>();
    stored.getArray("indexes").forEach(v -> indexes.add(IndexDescriptor.fromBson(v.asDocument())));
    return new CollectionMetadata(Namespace.parse(stored.getString("ns").getValue()),
        stored.getBinary("uuid").asUuid(UuidRepresentation.STANDARD), stored.getInt64("id").getValue(),
        stored.getDocument("options"), indexes);
  }
}

package io.tributary.engine.catalog;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.oplog.Operation;
import io.tributary.engine.storage.KeySpace;
import io.tributary.engine.storage.KeyValueIterator;
import io.tributary.engine.storage.ReadView;
import io.tributary.engine.storage.StorageEngine;
import io.tributary.engine.storage.WriteBatch;
import io.tributary.engine.update.UpdateDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * The changes of one atomic commit, staged by a write command under the {@link Writer}'s lock: documents,
 * their index entries, catalog entries and the oplog operation describing each change. Every mutator records
 * its oplog operation itself, so no write path can forget one. Reads through {@link #view()} see the latest
 * committed state (the writer's lock keeps it from moving) with the unit's own writes applied, and
 * {@link #collection} sees its staged catalog changes. Not thread-safe: one writer at a time.
 */
public final class WriteUnit {
  private final Catalog catalog;
  private final StagedWrites staged;
  private final List<Operation> operations = new ArrayList<>();
  private final Map<Namespace, CollectionMetadata> catalogChanges = new LinkedHashMap<>();
  private final IndexEntries indexEntries;
  /** The usage of the capped collections this unit writes, with its writes applied. */
  private final Map<Long, CappedUsage> cappedUsage = new HashMap<>();

  /** A multi-document transaction's unit: it may not write capped collections. */
  private final boolean transaction;

  WriteUnit(Catalog catalog, StorageEngine storage, boolean transaction) {
    this.catalog = catalog;
    this.transaction = transaction;
    this.staged = new StagedWrites(storage);
    this.indexEntries = new IndexEntries(staged);
  }

  /** The latest committed state with this unit's own writes applied. */
  public ReadView view() {
    return staged;
  }

  /** The collection as of this unit, including collections it created, changed or dropped. */
  public Optional<CollectionMetadata> collection(Namespace namespace) {
    if (catalogChanges.containsKey(namespace)) {
      return Optional.ofNullable(catalogChanges.get(namespace));
    }
    return catalog.lookup(namespace);
  }

  /** Whether this unit creates the collection: it exists as staged but not in the committed catalog. */
  public boolean creates(Namespace namespace) {
    return catalogChanges.get(namespace) != null && catalog.lookup(namespace).isEmpty();
  }

  /**
   * The collection whose documents a write changes, if it exists; a view fails with
   * {@code CommandNotSupportedOnView}.
   */
  public Optional<CollectionMetadata> writableCollection(Namespace namespace) {
    Optional<CollectionMetadata> collection = collection(namespace);
    if (collection.isPresent() && collection.get().isView()) {
      throw ErrorCode.COMMAND_NOT_SUPPORTED_ON_VIEW.error("Namespace " + namespace
          + " is a view, not a collection");
    }
    return collection;
  }

  /** The collection, created implicitly (as a first insert or upsert does) when it does not exist. */
  public CollectionMetadata collectionForWrite(Namespace namespace) {
    return writableCollection(namespace).orElseGet(() -> createCollection(namespace, new BsonDocument()));
  }

  /** Creates a collection with an {@code _id} index; the caller checked that the namespace is free. */
  public CollectionMetadata createCollection(Namespace namespace, BsonDocument options) {
    BsonDocument idSpec = IndexDescriptor.idIndexSpec();
    if (options.isDocument("collation")) {
      idSpec.append("collation", options.getDocument("collation")); // the _id index has the default collation
    }
    IndexDescriptor idIndex = new IndexDescriptor(catalog.allocateIndexId(staged.batch()), idSpec);
    CollectionMetadata metadata = new CollectionMetadata(namespace, UUID.randomUUID(),
        catalog.allocateCollectionId(staged.batch()), options, List.of(idIndex));
    putCatalog(metadata);
    BsonDocument logged = options.clone();
    if (!metadata.isView()) {
      logged.append("idIndex", idIndex.spec());
    }
    operations.add(new Operation.Create(namespace, metadata.uuid(), logged));
    return metadata;
  }

  /**
   * Inserts a document. Into a capped collection, it then deletes the oldest documents (logged as deletes after the
   * insert, in this commit, as mongod 5.0+ replicates them) until the collection is within its limits, never the
   * document just inserted: one larger than the collection's size leaves it alone in the collection.
   */
  public void insert(CollectionMetadata collection, BsonDocument document) {
    CappedLimits capped = collection.cappedLimits();
    byte[] encoded = BsonBytes.encode(document);
    if (capped != null) {
      noteCappedUsage(collection, 1, encoded.length, true);
    }
    long recordId = catalog.allocateRecordId(collection.id());
    for (IndexDescriptor index : collection.indexes()) {
      indexEntries.add(collection, index, document, recordId);
    }
    noteMultikey(collection, document);
    staged.put(KeySpace.DOCUMENTS, KeyLayout.documentKey(collection.id(), recordId), encoded);
    // The oplog entry keeps the stored bytes, not the parsed document: its encoding copies them instead of
    // encoding the document again, and the oplog's in-memory tail retains a byte array, not a map of fields.
    operations.add(new Operation.Insert(collection.namespace(), collection.uuid(), documentKey(document),
        new RawBsonDocument(encoded)));
    if (capped != null) {
      deleteOldest(collection, capped, recordId);
    }
  }

  /** mongod's {@code cappedDeleteUntilBelowConfiguredMaximum}, oldest first from the usage's hint. */
  private void deleteOldest(CollectionMetadata collection, CappedLimits limits, long inserted) {
    CappedUsage usage = cappedUsage.get(collection.id());
    long count = usage.count();
    long bytes = usage.bytes();
    List<StoredDocument> oldest = new ArrayList<>();
    try (DocumentCursor documents = Documents.scanFrom(staged, collection, usage.oldestRecordId())) {
      while (limits.exceededBy(count, bytes) && documents.hasNext()) {
        StoredDocument next = documents.next();
        if (next.recordId() == inserted) {
          break;
        }
        oldest.add(next);
        count--;
        bytes -= BsonBytes.size(next.document());
      }
    }
    oldest.forEach(stored -> delete(collection, stored));
    if (!oldest.isEmpty()) {
      long next = oldest.get(oldest.size() - 1).recordId() + 1;
      cappedUsage.computeIfPresent(collection.id(), (id, current) -> current.oldestFrom(next));
    }
  }

  /**
   * Counts a change to a capped collection, called before it is staged. The first in this unit starts from the
   * committed usage; when none is kept yet, an insert ({@code counted}) counts the collection as staged so far by
   * one scan, while an update or delete leaves it to that scan (so they never scan). A transaction may not write a
   * capped collection (mongod: OperationNotSupportedInTransaction).
   */
  private void noteCappedUsage(CollectionMetadata collection, long documents, long bytes, boolean counted) {
    if (transaction) {
      throw ErrorCode.OPERATION_NOT_SUPPORTED_IN_TRANSACTION.error("Collection '" + collection.namespace()
          + "' is a capped collection. Writes in transactions are not allowed on capped collections.");
    }
    CappedUsage current = cappedUsage.get(collection.id());
    if (current == null) {
      current = catalog.cappedUsage(collection.id());
    }
    if (current == null && counted) {
      current = CappedUsage.scan(staged, collection);
    }
    if (current != null) {
      cappedUsage.put(collection.id(), current.plus(documents, bytes));
    }
  }

  /**
   * Replaces a stored document. With a {@code description} the change is logged as an update (operators or a
   * pipeline), without one as a replacement.
   */
  public void update(CollectionMetadata collection, StoredDocument before, BsonDocument after,
      UpdateDescription description) {
    if (collection.isCapped()) {
      noteCappedUsage(collection, 0, BsonBytes.size(after) - BsonBytes.size(before.document()), false);
    }
    for (IndexDescriptor index : collection.indexes()) {
      indexEntries.replace(collection, index, before, after);
    }
    noteMultikey(collection, after);
    staged.put(KeySpace.DOCUMENTS, KeyLayout.documentKey(collection.id(), before.recordId()),
        BsonBytes.encode(after));
    boolean images = collection.recordsPreAndPostImages();
    BsonDocument preImage = images ? before.document() : null;
    operations.add(description == null
        ? new Operation.Replace(collection.namespace(), collection.uuid(), documentKey(after), after, preImage)
        : new Operation.Update(collection.namespace(), collection.uuid(), documentKey(after), description,
            preImage, images ? after : null));
  }

  public void delete(CollectionMetadata collection, StoredDocument stored) {
    if (collection.isCapped()) {
      noteCappedUsage(collection, -1, -BsonBytes.size(stored.document()), false);
    }
    for (IndexDescriptor index : collection.indexes()) {
      indexEntries.remove(index, stored);
    }
    staged.delete(KeySpace.DOCUMENTS, KeyLayout.documentKey(collection.id(), stored.recordId()));
    operations.add(new Operation.Delete(collection.namespace(), collection.uuid(), documentKey(stored.document()),
        collection.recordsPreAndPostImages() ? stored.document() : null));
  }

  /** Drops a collection with its documents and index entries. */
  public void dropCollection(CollectionMetadata collection) {
    deletePrefix(KeySpace.DOCUMENTS, KeyLayout.longKey(collection.id()));
    collection.indexes().forEach(index -> deletePrefix(KeySpace.INDEXES, KeyLayout.longKey(index.id())));
    staged.delete(KeySpace.CATALOG, KeyLayout.catalogKey(collection.namespace()));
    catalogChanges.put(collection.namespace(), null);
    catalog.forgetDocuments(collection.id());
    cappedUsage.remove(collection.id());
    operations.add(new Operation.Drop(collection.namespace(), collection.uuid()));
  }

  /** Renames a collection; {@code droppedTarget} (or null) is the collection dropped to make room. */
  public void rename(CollectionMetadata collection, Namespace target, CollectionMetadata droppedTarget) {
    if (droppedTarget != null) {
      deletePrefix(KeySpace.DOCUMENTS, KeyLayout.longKey(droppedTarget.id()));
      droppedTarget.indexes().forEach(i -> deletePrefix(KeySpace.INDEXES, KeyLayout.longKey(i.id())));
      catalog.forgetDocuments(droppedTarget.id());
      cappedUsage.remove(droppedTarget.id());
    }
    staged.delete(KeySpace.CATALOG, KeyLayout.catalogKey(collection.namespace()));
    catalogChanges.put(collection.namespace(), null);
    putCatalog(collection.renamedTo(target));
    operations.add(new Operation.Rename(collection.namespace(), collection.uuid(), target,
        droppedTarget == null ? null : droppedTarget.uuid()));
  }

  /** Adds an index (spec without an id) and builds its entries from the existing documents. */
  public CollectionMetadata createIndex(CollectionMetadata collection, BsonDocument spec) {
    IndexDescriptor index = new IndexDescriptor(catalog.allocateIndexId(staged.batch()), spec);
    boolean multikey = false;
    try (DocumentCursor documents = Documents.scan(staged, collection, false)) {
      while (documents.hasNext()) {
        StoredDocument stored = documents.next();
        indexEntries.add(collection, index, stored.document(), stored.recordId());
        multikey |= IndexKeys.isMultikey(index, stored.document());
      }
    }
    CollectionMetadata changed = collection.withIndex(multikey ? index.asMultikey() : index);
    putCatalog(changed);
    operations.add(new Operation.CreateIndex(collection.namespace(), collection.uuid(), spec));
    return changed;
  }

  public CollectionMetadata dropIndex(CollectionMetadata collection, IndexDescriptor index) {
    deletePrefix(KeySpace.INDEXES, KeyLayout.longKey(index.id()));
    List<IndexDescriptor> remaining = new ArrayList<>(collection.indexes());
    remaining.removeIf(i -> i.id() == index.id());
    CollectionMetadata changed = collection.withIndexes(remaining);
    putCatalog(changed);
    operations.add(new Operation.DropIndex(collection.namespace(), collection.uuid(), index.spec()));
    return changed;
  }

  /** {@code collMod}: stores the changed metadata and logs the options given and those they replaced. */
  public void modify(CollectionMetadata changed, BsonDocument changes, BsonDocument stateBefore) {
    putCatalog(changed);
    operations.add(new Operation.Modify(changed.namespace(), changed.uuid(), changes, stateBefore));
  }

  /** Records an operation that has no storage effect of its own (e.g. dropDatabase after its drops). */
  public void log(Operation operation) {
    operations.add(operation);
  }

  WriteBatch batch() {
    return staged.batch();
  }

  List<Operation> operations() {
    return Collections.unmodifiableList(operations);
  }

  Map<Long, CappedUsage> cappedUsage() {
    return cappedUsage;
  }

  Map<Namespace, CollectionMetadata> catalogChanges() {
    return catalogChanges;
  }

  /**
   * Marks the indexes to which {@code document} gives keys through an array as multikey (the query planner
   * must then neither intersect bounds nor trust index order for sorts), reading the collection as staged so
   * far so that a command holding older metadata does not undo other staged catalog changes.
   */
  private void noteMultikey(CollectionMetadata collection, BsonDocument document) {
    CollectionMetadata current = collection(collection.namespace()).orElse(collection);
    List<IndexDescriptor> indexes = new ArrayList<>(current.indexes());
    boolean changed = false;
    for (int i = 0; i < indexes.size(); i++) {
      IndexDescriptor index = indexes.get(i);
      if (!index.multikey() && IndexKeys.isMultikey(index, document)) {
        indexes.set(i, index.asMultikey());
        changed = true;
      }
    }
    if (changed) {
      putCatalog(current.withIndexes(indexes));
    }
  }

  private void putCatalog(CollectionMetadata metadata) {
    staged.put(KeySpace.CATALOG, KeyLayout.catalogKey(metadata.namespace()), BsonBytes.encode(metadata.toBson()));
    catalogChanges.put(metadata.namespace(), metadata);
  }

  private void deletePrefix(KeySpace space, byte[] prefix) {
    List<byte[]> keys = new ArrayList<>();
    try (KeyValueIterator it = staged.scan(space, prefix, KeyLayout.prefixEnd(prefix), false)) {
      it.forEachRemaining(kv -> keys.add(kv.key()));
    }
    keys.forEach(key -> staged.delete(space, key));
  }

  private static BsonDocument documentKey(BsonDocument document) {
    if (!document.containsKey("_id")) {
      throw ErrorCode.INTERNAL_ERROR.error("document without _id reached storage");
    }
    return new BsonDocument("_id", document.get("_id"));
  }
}

package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.aggregate.Pipeline;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.catalog.DocumentCursor;
import io.tributary.engine.catalog.Documents;
import io.tributary.engine.catalog.StoredDocument;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.oplog.OplogCollection;
import io.tributary.engine.plan.QueryRequest;
import io.tributary.engine.query.Matcher;
import io.tributary.engine.storage.ReadView;
import java.util.Iterator;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.BsonDocument;

/**
 * What a read command ({@code find}, {@code count}, {@code distinct}) sees at a namespace: a collection's
 * documents, a view's output (its pipeline run over the backing collection), or nothing when the namespace does
 * not exist. The streams hold storage resources: close them. Stateless.
 */
public final class ReadTarget {
  private ReadTarget() {}

  /** The documents at {@code namespace} matching {@code filter}, lazily. */
  public static Stream<MatchedDocument> matching(Engine engine, ReadView view, Namespace namespace,
      BsonDocument filter) {
    return matching(engine, view, namespace, filter, Matcher.compile(filter));
  }

  /** As {@link #matching(Engine, ReadView, Namespace, BsonDocument)}, with {@code filter} already compiled. */
  public static Stream<MatchedDocument> matching(Engine engine, ReadView view, Namespace namespace,
      BsonDocument filter, Matcher matcher) {
    return query(engine, view, namespace, QueryRequest.of(filter), matcher).documents();
  }

  /**
   * The documents at {@code namespace} matching the request's filter ({@code matcher}), lazily, through the
   * planned or hinted index; a view's output is filtered in memory, unsorted, and its hint is not checked.
   */
  public static QueryResults query(Engine engine, ReadView view, Namespace namespace, QueryRequest request,
      Matcher matcher) {
    if (OplogCollection.is(namespace)) {
      return OplogTarget.query(engine, view, request, matcher);
    }
    Optional<ViewDefinition> definition = ViewDefinition.resolve(engine.catalog(), namespace);
    if (definition.isPresent()) {
      Collation collation = engine.catalog().lookup(namespace).map(CommandCollation::defaultOf)
          .orElse(Collation.SIMPLE);
      return new QueryResults(viewOutput(engine, view, definition.get(), collation)
          .map(document -> new MatchedDocument(new StoredDocument(0, document), matcher.match(document)))
          .filter(m -> m.match().matched()), false);
    }
    Optional<CollectionMetadata> collection = engine.catalog().lookup(namespace);
    return collection.isEmpty() ? new QueryResults(Stream.empty(), true)
        : CollectionQuery.query(view, collection.get(), request, matcher);
  }

  /** The documents a view produces, its pipeline running under the view's {@code collation}. */
  static Stream<BsonDocument> viewOutput(Engine engine, ReadView view, ViewDefinition definition,
      Collation collation) {
    EnginePipelineContext context = new EnginePipelineContext(engine, definition.source().db(), null, null,
        collation);
    Pipeline pipeline = Pipeline.parse(definition.pipeline(), context);
    DocumentCursor input = scan(engine, view, definition.source());
    Iterator<BsonDocument> output = pipeline.run(documents(input), context);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(output, Spliterator.ORDERED), false)
        .onClose(input::close);
  }

  /** A collection's documents in natural order; none when it does not exist. */
  static DocumentCursor scan(Engine engine, ReadView view, Namespace namespace) {
    if (OplogCollection.is(namespace)) {
      return OplogTarget.scan(engine, view);
    }
    Optional<CollectionMetadata> collection = engine.catalog().lookup(namespace);
    return collection.isPresent() ? Documents.scan(view, collection.get(), false) : DocumentCursor.EMPTY;
  }

  static Iterator<BsonDocument> documents(DocumentCursor cursor) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return cursor.hasNext();
      }

      @Override
      public BsonDocument next() {
        return cursor.next().document();
      }
    };
  }
}

package io.tributary.cli;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoClient;
import java.util.List;
import org.bson.BsonDocument;

/**
 * What a change stream watches: one collection ({@code db.coll}), one database ({@code db}) or the whole
 * deployment (no name). Immutable.
 *
 * @param database the database, or null for the whole deployment
 * @param collection the collection, or null for a database or the deployment
 */
record WatchTarget(String database, String collection) {
  /** The whole deployment. */
  static final WatchTarget DEPLOYMENT = new WatchTarget(null, null);

  /** Parses {@code db.coll}, {@code db} or an empty name; the collection is everything after the first dot. */
  static WatchTarget parse(String name) {
    if (name == null || name.isEmpty()) {
      return DEPLOYMENT;
    }
    int dot = name.indexOf('.');
    if (dot < 0) {
      return new WatchTarget(name, null);
    }
    if (dot == 0 || dot == name.length() - 1) {
      throw new IllegalArgumentException("'" + name + "' is not a namespace: expected db.coll, db or nothing");
    }
    return new WatchTarget(name.substring(0, dot), name.substring(dot + 1));
  }

  /** The change stream over this target, events decoded as raw documents. */
  ChangeStreamIterable<BsonDocument> watch(MongoClient client, List<BsonDocument> pipeline) {
    if (database == null) {
      return client.watch(pipeline, BsonDocument.class);
    }
    if (collection == null) {
      return client.getDatabase(database).watch(pipeline, BsonDocument.class);
    }
    return client.getDatabase(database).getCollection(collection).watch(pipeline, BsonDocument.class);
  }

  @Override
  public String toString() {
    if (database == null) {
      return "the whole deployment";
    }
    return collection == null ? "database " + database : database + "." + collection;
  }
}

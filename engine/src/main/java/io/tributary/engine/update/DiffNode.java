package io.tributary.engine.update;

import org.bson.BsonDocument;

/**
 * One level of a delta: MongoDB's {@code $v: 2} update diff, the form in which the oplog records an update and
 * from which a change event's {@code updateDescription} is derived. Values are held by reference to the document
 * being updated, so later changes below an already recorded value are captured without further entries. Not
 * thread-safe.
 */
sealed interface DiffNode permits DocumentDiff, ArrayDiff {
  /** The serialized diff ({@code {d: ..., u: ..., i: ..., s<field>: ...}} or {@code {a: true, l: ..., u<i>: ...}}). */
  BsonDocument toBson();
}

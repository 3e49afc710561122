package io.tributary.engine.changestream;

import org.bson.BsonDocument;

/**
 * One document a change stream returns, with the token that becomes the batch's {@code postBatchResumeToken}
 * when it is the last one returned (a fragment's own token for split events). Immutable.
 *
 * @param size the document's encoded size in bytes
 */
record StreamOutput(ResumeToken token, BsonDocument document, int size) {}

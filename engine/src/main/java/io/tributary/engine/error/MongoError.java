package io.tributary.engine.error;

import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.BsonDocument;

/**
 * The one road for failures: deep code throws a {@code MongoError} carrying MongoDB's code, codeName and
 * error labels; the command dispatcher turns it into {@code {ok: 0, errmsg, code, codeName, errorLabels}}.
 *
 * <p>{@link #extraFields()} carries the additional reply fields some errors have (for example
 * {@code keyPattern} and {@code keyValue} on a duplicate key). Instances are not thread-safe while being
 * built; once thrown they are only read.
 */
public final class MongoError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Set<String> labels = new LinkedHashSet<>();
  private final BsonDocument extraFields = new BsonDocument();

  public MongoError(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public MongoError(ErrorCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  /** {@code failure} itself if it is a {@code MongoError}, else an {@code InternalError} that carries it. */
  public static MongoError of(Throwable failure) {
    return failure instanceof MongoError error ? error
        : new MongoError(ErrorCode.INTERNAL_ERROR, String.valueOf(failure), failure);
  }

  public ErrorCode code() {
    return code;
  }

  public Set<String> labels() {
    return labels;
  }

  public MongoError withLabel(String label) {
    labels.add(label);
    return this;
  }

  /** Fields copied into the error reply after {@code codeName}. */
  public BsonDocument extraFields() {
    return extraFields;
  }
}

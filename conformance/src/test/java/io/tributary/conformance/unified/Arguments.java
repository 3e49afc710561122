package io.tributary.conformance.unified;

import com.mongodb.client.ClientSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The {@code arguments} of one operation, remembering which ones the operation read so that
 * {@link #requireAllUsed(String)} can reject an argument the runner does not understand, as the
 * format requires. The {@code session} argument resolves to a session entity. Not thread-safe: one
 * operation reads its arguments on one thread.
 */
// spec: unified-test-format.md#executing-an-operation ("unsupported argument")
public final class Arguments {

  private final BsonDocument values;
  private final Entities entities;
  private final Set<String> used = new HashSet<>();

  public Arguments(BsonDocument values, Entities entities) {
    this.values = values;
    this.entities = entities;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The argument's value, or null if absent. */
  public BsonValue get(String name) {
    used.add(name);
    return values.get(name);
  }

  public BsonValue required(String name) {
    BsonValue value = get(name);
    if (value == null) {
      throw new InvalidTestFile("missing required argument " + name);
    }
    return value;
  }

  public BsonDocument document(String name) {
    return required(name).asDocument();
  }

  /** The document argument, or an empty one if absent. */
  public BsonDocument documentOrEmpty(String name) {
    BsonValue value = get(name);
    return value == null ? new BsonDocument() : value.asDocument();
  }

  public String string(String name) {
    return required(name).asString().getValue();
  }

  /** A list of documents (a pipeline, documents to insert). */
  public List<BsonDocument> documents(String name) {
    return required(name).asArray().getValues().stream().map(BsonValue::asDocument).toList();
  }

  /** The session entity named by the {@code session} argument, or null. */
  public ClientSession session() {
    BsonValue name = get("session");
    return name == null ? null : entities.session(name.asString().getValue());
  }

  public Entities entities() {
    return entities;
  }

  /** Throws {@link UnsupportedFeature} naming the first argument that no code read. */
  public void requireAllUsed(String operation) {
    for (String name : values.keySet()) {
      if (!used.contains(name)) {
        throw new UnsupportedFeature("argument '" + name + "' of " + operation);
      }
    }
  }
}

package io.tributary.conformance.unified;

import com.mongodb.client.ClientSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The entity map of one test: unique names to clients, databases, collections, sessions, cursors,
 * change streams and BSON values. Storing a taken name or fetching an undefined or mistyped entity
 * throws {@link InvalidTestFile}. {@link #close()} ends sessions and closes cursors, change streams and
 * clients in the reverse order of creation. Safe for concurrent access.
 */
// spec: unified-test-format.md#entity-map
public final class Entities implements ValueMatcher.EntityLookup, AutoCloseable {

  private final Map<String, Object> byName = new ConcurrentHashMap<>();
  /** Session ids captured at creation: {@code $$sessionLsid} may name a session already ended. */
  private final Map<String, BsonDocument> lsids = new ConcurrentHashMap<>();
  private final List<Object> creationOrder = Collections.synchronizedList(new ArrayList<>());

  public void put(String name, Object entity) {
    if (entity == null) {
      throw new InvalidTestFile("no result to save as entity " + name);
    }
    if (byName.putIfAbsent(name, entity) != null) {
      throw new InvalidTestFile("duplicate entity name " + name);
    }
    creationOrder.add(entity);
    if (entity instanceof ClientSession session) {
      lsids.put(name, session.getServerSession().getIdentifier().clone());
    }
  }

  public Object get(String name) {
    Object entity = byName.get(name);
    if (entity == null) {
      throw new InvalidTestFile("undefined entity " + name);
    }
    return entity;
  }

  public <T> T get(String name, Class<T> type) {
    Object entity = get(name);
    if (!type.isInstance(entity)) {
      throw new InvalidTestFile("entity " + name + " is a " + entity.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(entity);
  }

  public ClientEntity client(String name) {
    return get(name, ClientEntity.class);
  }

  public ClientSession session(String name) {
    return get(name, ClientSession.class);
  }

  /** Every client entity, for event listener control. */
  public List<ClientEntity> clients() {
    return byName.values().stream().filter(ClientEntity.class::isInstance)
        .map(ClientEntity.class::cast).toList();
  }

  @Override
  public BsonValue bsonEntity(String name) {
    return get(name, BsonValue.class);
  }

  @Override
  public BsonDocument sessionLsid(String name) {
    session(name);
    return lsids.get(name);
  }

  @Override
  public void close() {
    List<Object> reversed = new ArrayList<>(creationOrder);
    Collections.reverse(reversed);
    for (Object entity : reversed) {
      try {
        if (entity instanceof AutoCloseable closeable) {
          closeable.close();
        }
      } catch (Exception ignored) {
        // Cleanup must reach every entity; a driver complaining about one already closed is harmless.
      }
    }
  }
}

package io.tributary.engine.command;

import org.bson.BsonDocument;

/**
 * The engine's view of one client connection. Implemented by the network layer (or by an in-process caller).
 * Thread-safe: commands of one connection may run on different threads, though never two at once.
 */
public interface ClientConnection {
  /** Unique per process, starting at 1; reported as {@code connectionId} in hello. */
  long id();

  /** {@code host:port} of the client, reported by {@code whatsmyuri}. */
  String remoteAddress();

  /** The {@code client} document of the handshake, or null before it. */
  BsonDocument clientMetadata();

  void setClientMetadata(BsonDocument metadata);

  /** {@code client.application.name} from the handshake, or null; fail points filter on it. */
  default String appName() {
    BsonDocument metadata = clientMetadata();
    if (metadata == null || !metadata.isDocument("application")) {
      return null;
    }
    BsonDocument application = metadata.getDocument("application");
    return application.isString("name") ? application.getString("name").getValue() : null;
  }
}

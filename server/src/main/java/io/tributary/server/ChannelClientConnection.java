package io.tributary.server;

import io.tributary.engine.command.ClientConnection;
import org.bson.BsonDocument;

/** The engine's view of one TCP connection. Thread-safe: the metadata is published through a volatile field. */
final class ChannelClientConnection implements ClientConnection {
  private final long id;
  private final String remoteAddress;
  private volatile BsonDocument clientMetadata;

  ChannelClientConnection(long id, String remoteAddress) {
    this.id = id;
    this.remoteAddress = remoteAddress;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public BsonDocument clientMetadata() {
    return clientMetadata;
  }

  @Override
  public void setClientMetadata(BsonDocument metadata) {
    this.clientMetadata = metadata;
  }
}

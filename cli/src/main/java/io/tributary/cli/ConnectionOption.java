package io.tributary.cli;

import com.mongodb.ConnectionString;
import picocli.CommandLine.Option;

/** {@code --uri}: the deployment to connect to, defaulting like the tutorial to {@code $CHANGE_STREAM_DB}. */
final class ConnectionOption {
  @Option(names = "--uri", paramLabel = "URI",
      defaultValue = "${env:CHANGE_STREAM_DB:-mongodb://localhost:27017}",
      description = "MongoDB connection string (default: $CHANGE_STREAM_DB, else mongodb://localhost:27017).")
  String uri;

  ConnectionString connectionString() {
    return new ConnectionString(uri);
  }

  /** The hosts, for messages: never the credentials a connection string may carry. */
  String hosts() {
    return String.join(",", connectionString().getHosts());
  }
}

package io.tributary.conformance.unified;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import com.mongodb.event.CommandEvent;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.mongodb.event.ConnectionCheckOutFailedEvent;
import com.mongodb.event.ConnectionCheckOutStartedEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolClearedEvent;
import com.mongodb.event.ConnectionPoolClosedEvent;
import com.mongodb.event.ConnectionPoolCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import com.mongodb.event.ConnectionPoolReadyEvent;
import com.mongodb.event.ConnectionReadyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Records the events a client entity publishes, keeping only the types named in {@code observeEvents}
 * and dropping, for command events, {@code configureFailPoint}, the commands in {@code
 * ignoreCommandMonitoringEvents}, and sensitive commands unless {@code observeSensitiveCommands}.
 * Also counts checked-out connections whatever is observed. Recording stops for good at {@link
 * #stop()}. Thread-safe: the driver publishes from its own threads.
 *
 * <p>Notes: the succeeded or failed event of an ignored command is dropped by request id, because a
 * redacted {@code hello} is recognised only by its empty started command.
 */
// spec: unified-test-format.md#executing-a-test (the list of ignored command events)
public final class EventRecorder implements CommandListener, ConnectionPoolListener, ClusterListener {

  private static final Set<String> SENSITIVE = Set.of("authenticate", "saslstart", "saslcontinue",
      "getnonce", "createuser", "updateuser", "copydbgetnonce", "copydbsaslstart", "copydb");
  private static final Set<String> HELLOS = Set.of("hello", "ismaster");

  private final Set<String> observed;
  private final Set<String> ignoredCommands;
  private final boolean observeSensitive;
  private final List<ObservedEvent> events = new ArrayList<>();
  private final Set<Integer> ignoredRequests = ConcurrentHashMap.newKeySet();
  private final AtomicInteger checkedOut = new AtomicInteger();
  private volatile boolean recording = true;

  public EventRecorder(Set<String> observed, Set<String> ignoredCommands, boolean observeSensitive) {
    this.observed = observed;
    this.ignoredCommands = ignoredCommands;
    this.observeSensitive = observeSensitive;
  }

  public void stop() {
    recording = false;
  }

  public int checkedOutConnections() {
    return checkedOut.get();
  }

  /** A snapshot of the events recorded so far, in publication order. */
  public synchronized List<ObservedEvent> events() {
    return List.copyOf(events);
  }

  /** The events of one kind ({@code command}, {@code cmap}, {@code sdam}). */
  public List<ObservedEvent> events(String kind) {
    return events().stream().filter(e -> e.kind().equals(kind)).toList();
  }

  /** Waits until {@code count} recorded events satisfy {@code matches}; false on timeout. */
  public synchronized boolean await(Predicate<ObservedEvent> matches, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.stream().filter(matches).count() < count) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return false;
      }
      wait(Math.max(1, remaining / 1_000_000));
    }
    return true;
  }

  private synchronized void record(String kind, String type, BsonDocument properties) {
    if (recording && observed.contains(type)) {
      events.add(new ObservedEvent(kind, type, properties));
      notifyAll();
    }
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    if (isIgnored(event.getCommandName(), event.getCommand())) {
      ignoredRequests.add(event.getRequestId());
      return;
    }
    record("command", "commandStartedEvent", commandProperties(event).append("command", copy(event.getCommand())));
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    if (!ignoredRequests.remove(event.getRequestId())) {
      record("command", "commandSucceededEvent", commandProperties(event).append("reply", copy(event.getResponse())));
    }
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    if (!ignoredRequests.remove(event.getRequestId())) {
      record("command", "commandFailedEvent", commandProperties(event));
    }
  }

  private boolean isIgnored(String commandName, BsonDocument command) {
    String name = commandName.toLowerCase(java.util.Locale.ROOT);
    if (name.equals("configurefailpoint") || ignoredCommands.contains(commandName)) {
      return true;
    }
    boolean sensitive = SENSITIVE.contains(name) || (HELLOS.contains(name) && command.isEmpty());
    return sensitive && !observeSensitive;
  }

  /**
   * A detached copy: the driver's command and reply documents may be views of network buffers that
   * are released once the listener returns.
   */
  private static BsonDocument copy(BsonDocument document) {
    return new RawBsonDocument(document, new BsonDocumentCodec()).decode(new BsonDocumentCodec());
  }

  private static BsonDocument commandProperties(CommandEvent event) {
    BsonDocument properties = new BsonDocument("commandName", new BsonString(event.getCommandName()))
        .append("databaseName", new BsonString(event.getDatabaseName()));
    ConnectionDescription connection = event.getConnectionDescription();
    Long serverConnectionId = connection.getConnectionId().getServerValue();
    if (serverConnectionId != null) {
      properties.append("serverConnectionId", new org.bson.BsonInt64(serverConnectionId));
    }
    if (connection.getServiceId() != null) {
      properties.append("serviceId", new org.bson.BsonObjectId(connection.getServiceId()));
    }
    return properties;
  }

  @Override
  public void connectionPoolCreated(ConnectionPoolCreatedEvent event) {
    record("cmap", "poolCreatedEvent", new BsonDocument());
  }

  @Override
  public void connectionPoolReady(ConnectionPoolReadyEvent event) {
    record("cmap", "poolReadyEvent", new BsonDocument());
  }

  @Override
  public void connectionPoolCleared(ConnectionPoolClearedEvent event) {
    BsonDocument properties = new BsonDocument();
    if (event.getServiceId() != null) {
      properties.append("serviceId", new org.bson.BsonObjectId(event.getServiceId()));
    }
    record("cmap", "poolClearedEvent", properties);
  }

  @Override
  public void connectionPoolClosed(ConnectionPoolClosedEvent event) {
    record("cmap", "poolClosedEvent", new BsonDocument());
  }

  @Override
  public void connectionCreated(ConnectionCreatedEvent event) {
    record("cmap", "connectionCreatedEvent", new BsonDocument());
  }

  @Override
  public void connectionReady(ConnectionReadyEvent event) {
    record("cmap", "connectionReadyEvent", new BsonDocument());
  }

  @Override
  public void connectionClosed(ConnectionClosedEvent event) {
    record("cmap", "connectionClosedEvent", new BsonDocument("reason", new BsonString(
        event.getReason().name().toLowerCase(java.util.Locale.ROOT))));
  }

  @Override
  public void connectionCheckOutStarted(ConnectionCheckOutStartedEvent event) {
    record("cmap", "connectionCheckOutStartedEvent", new BsonDocument());
  }

  @Override
  public void connectionCheckOutFailed(ConnectionCheckOutFailedEvent event) {
    record("cmap", "connectionCheckOutFailedEvent", new BsonDocument("reason", new BsonString(
        event.getReason().name().toLowerCase(java.util.Locale.ROOT))));
  }

  @Override
  public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
    checkedOut.incrementAndGet();
    record("cmap", "connectionCheckedOutEvent", new BsonDocument());
  }

  @Override
  public void connectionCheckedIn(ConnectionCheckedInEvent event) {
    checkedOut.decrementAndGet();
    record("cmap", "connectionCheckedInEvent", new BsonDocument());
  }

  @Override
  public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
    record("sdam", "topologyDescriptionChangedEvent",
        new BsonDocument("previousDescription", describe(event.getPreviousDescription()))
            .append("newDescription", describe(event.getNewDescription())));
  }

  /**
   * The SDAM TopologyType name of a Java cluster description: {@code Unknown} before any server is
   * known, {@code Single} for a direct connection (spec: SDAM "directConnection"), else by type.
   */
  private static BsonDocument describe(ClusterDescription description) {
    String type;
    if (description.getServerDescriptions().isEmpty()) {
      type = "Unknown";
    } else if (description.getConnectionMode() == ClusterConnectionMode.SINGLE) {
      type = "Single";
    } else {
      type = switch (description.getType()) {
        case STANDALONE -> "Single";
        case REPLICA_SET -> description.getServerDescriptions().stream().anyMatch(s -> s.isPrimary())
            ? "ReplicaSetWithPrimary" : "ReplicaSetNoPrimary";
        case SHARDED -> "Sharded";
        case LOAD_BALANCED -> "LoadBalanced";
        case UNKNOWN -> "Unknown";
      };
    }
    return new BsonDocument("type", new BsonString(type));
  }
}

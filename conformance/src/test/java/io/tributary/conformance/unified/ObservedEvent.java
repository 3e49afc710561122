package io.tributary.conformance.unified;

import org.bson.BsonDocument;

/**
 * One event a client entity published, reduced to the properties the format can assert: for
 * command events {@code commandName}, {@code databaseName}, {@code command} or {@code reply},
 * {@code serverConnectionId}, {@code serviceId}; for CMAP events {@code reason}; for SDAM events
 * {@code previousDescription}/{@code newDescription} with their {@code type}. Immutable.
 *
 * @param kind {@code command}, {@code cmap} or {@code sdam}, as {@code expectEvents.eventType} names them
 * @param type the expected-event key, e.g. {@code commandStartedEvent}
 * @param properties the event's properties under the format's names
 */
public record ObservedEvent(String kind, String type, BsonDocument properties) {

  public String commandName() {
    return properties.getString("commandName").getValue();
  }
}

package io.tributary.cli;

import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** How {@code watch} and {@code demo} print a change event: relaxed Extended JSON, one line or indented. */
enum EventFormat {
  /** One line per event, like {@code bson.json_util.dumps} in the tutorial. */
  LINE(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build()),
  /** Indented, for reading. */
  PRETTY(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build());

  private final JsonWriterSettings settings;

  EventFormat(JsonWriterSettings settings) {
    this.settings = settings;
  }

  String format(BsonDocument event) {
    return event.toJson(settings);
  }
}

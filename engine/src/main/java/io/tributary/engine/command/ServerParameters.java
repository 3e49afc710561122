package io.tributary.engine.command;

import io.tributary.engine.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Server parameters, as {@code --setParameter} sets them at startup and {@code getParameter}/{@code setParameter}
 * read and change them. Known parameters have mongod's defaults and types: a startup value given as a string (as
 * on a command line, {@code enableTestCommands=1}) is converted to the parameter's type. Unknown startup
 * parameters are kept as given, so callers can pass what a test harness sets. Thread-safe.
 */
public final class ServerParameters {
  /** One known parameter: its default and where it may be set. */
  private record Definition(String name, BsonValue defaultValue, boolean settableAtStartup, boolean settableAtRuntime) {}

  private static final Map<String, Definition> DEFINITIONS = List.of(
      new Definition("enableTestCommands", BsonBoolean.FALSE, true, false),
      new Definition("featureCompatibilityVersion", new BsonDocument("version", new BsonString("7.0")), false, false),
      new Definition("logLevel", new BsonInt32(0), true, true),
      new Definition("quiet", BsonBoolean.FALSE, true, true),
      new Definition("cursorTimeoutMillis", new BsonInt64(600_000), true, true),
      new Definition("transactionLifetimeLimitSeconds", new BsonInt32(60), true, true),
      new Definition("maxNumberOfTransactionOperationsInSingleOplogEntry", new BsonInt32(Integer.MAX_VALUE), true,
          false),
      new Definition("requireApiVersion", BsonBoolean.FALSE, true, true),
      new Definition("notablescan", BsonBoolean.FALSE, true, true),
      new Definition("ttlMonitorEnabled", BsonBoolean.TRUE, true, true),
      new Definition("ttlMonitorSleepSecs", new BsonInt32(60), true, false),
      new Definition("changeStreamOptions", BsonDocument.parse("{preAndPostImages: {expireAfterSeconds: 'off'}}"),
          true, true))
      .stream().collect(Collectors.toUnmodifiableMap(Definition::name, Function.identity()));

  private final NavigableMap<String, BsonValue> values = new ConcurrentSkipListMap<>();

  /** Parameters with their defaults overridden by {@code startupValues}. */
  public ServerParameters(Map<String, BsonValue> startupValues) {
    DEFINITIONS.values().forEach(definition -> values.put(definition.name(), definition.defaultValue()));
    startupValues.forEach((name, value) -> values.put(name, coerce(name, value)));
  }

  public BsonValue get(String name) {
    return values.get(name);
  }

  /** All parameters by name, sorted. */
  public NavigableMap<String, BsonValue> all() {
    return values;
  }

  /** Whether test commands such as {@code configureFailPoint} exist. */
  public boolean testCommandsEnabled() {
    BsonValue value = values.get("enableTestCommands");
    return value.isBoolean() ? value.asBoolean().getValue() : value.isNumber() && value.asNumber().intValue() != 0;
  }

  /** {@code setParameter} at runtime; returns the previous value ({@code was}). */
  public BsonValue setAtRuntime(String name, BsonValue value) {
    Definition definition = DEFINITIONS.get(name);
    if (definition == null) {
      throw ErrorCode.INVALID_OPTIONS.error(
          "attempted to set unrecognized parameter [" + name + "], use help:true to see options ");
    }
    if (!definition.settableAtRuntime()) {
      throw ErrorCode.BAD_VALUE.error("not allowed to change [" + name + "] at runtime");
    }
    return values.put(name, coerce(name, value));
  }

  /** Whether {@code setParameter} may change {@code name}, as {@code getParameter} with details reports. */
  public boolean settableAtRuntime(String name) {
    Definition definition = DEFINITIONS.get(name);
    return definition != null && definition.settableAtRuntime();
  }

  /** Whether {@code --setParameter} may set {@code name}; unknown parameters count as startup parameters. */
  public boolean settableAtStartup(String name) {
    Definition definition = DEFINITIONS.get(name);
    return definition == null || definition.settableAtStartup();
  }

  private static BsonValue coerce(String name, BsonValue value) {
    Definition definition = DEFINITIONS.get(name);
    if (definition == null || !value.isString()) {
      return value;
    }
    String text = value.asString().getValue().trim();
    BsonValue type = definition.defaultValue();
    try {
      if (type.isBoolean()) {
        return BsonBoolean.valueOf(text.equals("1") || text.equalsIgnoreCase("true"));
      }
      if (type.isInt32()) {
        return new BsonInt32(Integer.parseInt(text));
      }
      if (type.isInt64()) {
        return new BsonInt64(Long.parseLong(text));
      }
      return type.isDocument() ? BsonDocument.parse(text) : value;
    } catch (RuntimeException e) {
      throw ErrorCode.BAD_VALUE.error("Invalid value for parameter " + name + ": " + text);
    }
  }
}

package io.tributary.engine.failpoint;

import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * When a fail point fires, as {@code configureFailPoint}'s {@code mode} states it: {@code "alwaysOn"},
 * {@code "off"}, {@code {times: n}} (fire the next n times, then turn off) or {@code {skip: n}} (let n pass, then
 * fire always). Immutable; {@link FailPoint} replaces its mode as the counts run down.
 */
public sealed interface FailPointMode {
  /** Whether the fail point fires now. */
  boolean fires();

  /** The mode after one evaluation that passed the fail point's data filter. */
  FailPointMode next();

  record AlwaysOn() implements FailPointMode {
    @Override
    public boolean fires() {
      return true;
    }

    @Override
    public FailPointMode next() {
      return this;
    }
  }

  record Off() implements FailPointMode {
    @Override
    public boolean fires() {
      return false;
    }

    @Override
    public FailPointMode next() {
      return this;
    }
  }

  record Times(long remaining) implements FailPointMode {
    @Override
    public boolean fires() {
      return remaining > 0;
    }

    @Override
    public FailPointMode next() {
      return remaining <= 1 ? new Off() : new Times(remaining - 1);
    }
  }

  record Skip(long remaining) implements FailPointMode {
    @Override
    public boolean fires() {
      return remaining <= 0;
    }

    @Override
    public FailPointMode next() {
      return remaining <= 1 ? new AlwaysOn() : new Skip(remaining - 1);
    }
  }

  /** Parses the {@code mode} field; fails with {@code BadValue} (2) like mongod for anything else. */
  static FailPointMode parse(BsonValue mode) {
    if (mode == null) {
      throw ErrorCode.BAD_VALUE.error("Missing mode");
    }
    if (mode.isString()) {
      return switch (mode.asString().getValue()) {
        case "alwaysOn" -> new AlwaysOn();
        case "off" -> new Off();
        default -> throw ErrorCode.BAD_VALUE.error("unknown mode: " + mode.asString().getValue());
      };
    }
    if (mode.isDocument()) {
      return parseCounted(mode.asDocument());
    }
    throw ErrorCode.TYPE_MISMATCH.error("'mode' must be a string or JSON object");
  }

  private static FailPointMode parseCounted(BsonDocument mode) {
    if (mode.containsKey("times")) {
      return new Times(count(mode, "times"));
    }
    if (mode.containsKey("skip")) {
      return new Skip(count(mode, "skip"));
    }
    throw ErrorCode.BAD_VALUE.error("'mode' must be one of 'off', 'alwaysOn', 'times', and 'skip'");
  }

  private static long count(BsonDocument mode, String field) {
    BsonValue value = mode.get(field);
    if (!value.isNumber()) {
      throw ErrorCode.TYPE_MISMATCH.error("'" + field + "' must be a number");
    }
    long count = value.asNumber().longValue();
    if (count < 0) {
      throw ErrorCode.BAD_VALUE.error("'" + field + "' must be >= 0");
    }
    return count;
  }
}

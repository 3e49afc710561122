package io.tributary.engine.operation;

import io.tributary.engine.error.ErrorCode;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Parses a command's {@code maxTimeMS} as mongod's {@code parseMaxTimeMS} does: a number (an integral double is
 * accepted) from 0 to 2^31-1, where 0 or absence means no limit; anything else is {@code BadValue} (2). Stateless.
 */
public final class MaxTimeMS {
  public static final String FIELD = "maxTimeMS";

  private MaxTimeMS() {}

  /** The limit in milliseconds, 0 when the command carries none. */
  public static long of(BsonDocument command) {
    BsonValue value = command.get(FIELD);
    if (value == null) {
      return 0;
    }
    if (!value.isNumber() && !value.isDecimal128()) {
      throw ErrorCode.BAD_VALUE.error(FIELD + " must be a number");
    }
    // mongod truncates to a long first (safeNumberLong), so -0.5 is "non-integral", not "out of range".
    long millis = value.isDecimal128() ? value.asDecimal128().longValue() : value.asNumber().longValue();
    if (millis < 0 || millis > Integer.MAX_VALUE) {
      throw ErrorCode.BAD_VALUE.error(FIELD + " is out of range");
    }
    if (value.isDouble() && Math.floor(value.asDouble().getValue()) != value.asDouble().getValue()) {
      throw ErrorCode.BAD_VALUE.error(FIELD + " has non-integral value");
    }
    return millis;
  }
}

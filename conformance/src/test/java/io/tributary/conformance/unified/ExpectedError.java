package io.tributary.conformance.unified;

import com.mongodb.ClientBulkWriteException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.WriteConcernError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Checks an operation's error against an {@code expectError} document. A server error is any
 * {@link MongoServerException}; everything else the driver throws (validation, network) is a client
 * error. For a bulk write error, codes, code names and messages of its write errors and write
 * concern error all count. Stateless.
 */
// spec: unified-test-format.md#expectederror, #bulkwrite
final class ExpectedError {

  private ExpectedError() {}

  static void check(BsonDocument expected, Throwable error, ValueMatcher matcher) {
    for (Map.Entry<String, BsonValue> assertion : expected.entrySet()) {
      BsonValue value = assertion.getValue();
      switch (assertion.getKey()) {
        case "isError" -> { }
        case "isClientError" -> require(isClientError(error) == value.asBoolean().getValue(), error,
            value.asBoolean().getValue() ? "expected a client error" : "expected a server error");
        case "isTimeoutError" -> require((error instanceof MongoOperationTimeoutException)
            == value.asBoolean().getValue(), error, "isTimeoutError " + value);
        case "errorContains" -> require(messages(error).stream().anyMatch(m -> m.toLowerCase(Locale.ROOT)
            .contains(value.asString().getValue().toLowerCase(Locale.ROOT))), error,
            "expected a message containing '" + value.asString().getValue() + "'");
        case "errorCode" -> require(codes(error).contains(value.asNumber().intValue()), error,
            "expected error code " + value);
        case "errorCodeName" -> require(codeNames(error).stream()
            .anyMatch(n -> n.equalsIgnoreCase(value.asString().getValue())), error, "expected codeName " + value);
        case "errorLabelsContain" -> value.asArray().forEach(label -> require(hasLabel(error, label),
            error, "expected error label " + label.asString().getValue()));
        case "errorLabelsOmit" -> value.asArray().forEach(label -> require(!hasLabel(error, label),
            error, "expected no error label " + label.asString().getValue()));
        case "errorResponse" -> matchResponse(value, error, matcher);
        case "expectResult" -> matchPartialResult(value, error, matcher);
        case "writeErrors" -> matchWriteErrors(value.asDocument(), error, matcher);
        case "writeConcernErrors" -> matchWriteConcernErrors(value.asArray(), error, matcher);
        default -> throw new UnsupportedFeature("expectError." + assertion.getKey());
      }
    }
  }

  static boolean isClientError(Throwable error) {
    return !(error instanceof MongoServerException);
  }

  private static boolean hasLabel(Throwable error, BsonValue label) {
    return error instanceof MongoException mongo && mongo.hasErrorLabel(label.asString().getValue());
  }

  private static List<String> messages(Throwable error) {
    List<String> messages = new ArrayList<>();
    if (error instanceof ClientBulkWriteException bulk && bulk.getCause() != null) {
      messages.add(String.valueOf(bulk.getCause().getMessage()));
    }
    messages.add(String.valueOf(error.getMessage()));
    if (error instanceof MongoBulkWriteException bulk) {
      bulk.getWriteErrors().forEach(e -> messages.add(e.getMessage()));
      if (bulk.getWriteConcernError() != null) {
        messages.add(bulk.getWriteConcernError().getMessage());
      }
    }
    return messages;
  }

  private static List<Integer> codes(Throwable error) {
    List<Integer> codes = new ArrayList<>();
    if (error instanceof ClientBulkWriteException bulk) {
      // spec: only the top-level error of a client bulk write answers errorCode, not its write errors.
      if (bulk.getCause() != null) {
        codes.add(bulk.getCause().getCode());
      }
    } else if (error instanceof MongoBulkWriteException bulk) {
      bulk.getWriteErrors().stream().map(BulkWriteError::getCode).forEach(codes::add);
      if (bulk.getWriteConcernError() != null) {
        codes.add(bulk.getWriteConcernError().getCode());
      }
    } else if (error instanceof MongoWriteException write) {
      codes.add(write.getError().getCode());
    } else if (error instanceof MongoServerException server) {
      codes.add(server.getCode());
    }
    return codes;
  }

  private static List<String> codeNames(Throwable error) {
    List<String> names = new ArrayList<>();
    if (error instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() != null) {
      names.add(bulk.getWriteConcernError().getCodeName());
    } else if (error instanceof MongoWriteConcernException concern) {
      names.add(concern.getWriteConcernError().getCodeName());
    } else if (error instanceof MongoServerException server && server.getErrorCodeName() != null) {
      names.add(server.getErrorCodeName());
    }
    return names;
  }

  private static void matchResponse(BsonValue expected, Throwable error, ValueMatcher matcher) {
    require(error instanceof MongoCommandException, error, "expected a server response to match " + expected);
    matcher.match(expected, ((MongoCommandException) error).getResponse(), true);
  }

  private static void matchPartialResult(BsonValue expected, Throwable error, ValueMatcher matcher) {
    BsonDocument result = null;
    if (error instanceof MongoBulkWriteException bulk) {
      result = DriverResults.of(bulk.getWriteResult());
    } else if (error instanceof ClientBulkWriteException bulk) {
      result = bulk.getPartialResult().map(ClientBulkWriteOperation::result).orElse(null);
    }
    try {
      matcher.match(expected, result, true);
    } catch (AssertionError mismatch) {
      throw new AssertionError("expectResult of the error: " + mismatch.getMessage() + ", error: " + error, error);
    }
  }

  private static void matchWriteErrors(BsonDocument expected, Throwable error, ValueMatcher matcher) {
    require(error instanceof ClientBulkWriteException, error, "expected a client bulk write error");
    Map<Integer, WriteError> actual = ((ClientBulkWriteException) error).getWriteErrors();
    require(actual.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
        .equals(expected.keySet()), error, "expected write errors at " + expected.keySet() + " but got " + actual);
    expected.forEach((index, value) -> {
      WriteError writeError = actual.get(Integer.valueOf(index));
      matcher.match(value, new BsonDocument("code", new org.bson.BsonInt32(writeError.getCode()))
          .append("message", new org.bson.BsonString(writeError.getMessage()))
          .append("details", writeError.getDetails()), true);
    });
  }

  private static void matchWriteConcernErrors(BsonArray expected, Throwable error, ValueMatcher matcher) {
    require(error instanceof ClientBulkWriteException, error, "expected a client bulk write error");
    List<WriteConcernError> actual = ((ClientBulkWriteException) error).getWriteConcernErrors();
    require(actual.size() == expected.size(), error, "expected " + expected.size() + " write concern errors");
    for (int i = 0; i < actual.size(); i++) {
      WriteConcernError concernError = actual.get(i);
      matcher.match(expected.get(i), new BsonDocument("code", new org.bson.BsonInt32(concernError.getCode()))
          .append("codeName", new org.bson.BsonString(concernError.getCodeName()))
          .append("message", new org.bson.BsonString(concernError.getMessage()))
          .append("details", concernError.getDetails()), true);
    }
  }

  private static void require(boolean condition, Throwable error, String message) {
    if (!condition) {
      throw new AssertionError(message + ", but got " + error, error);
    }
  }
}

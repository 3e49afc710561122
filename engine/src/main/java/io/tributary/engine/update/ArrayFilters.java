package io.tributary.engine.update;

import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import io.tributary.engine.query.Matcher;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Parses an update's {@code arrayFilters}: each filter is a query whose top-level paths all start with the same
 * identifier (a lowercase letter, then letters and digits), and identifiers are unique. Stateless.
 */
final class ArrayFilters {
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-z][a-zA-Z0-9]*$");
  private static final Set<String> LOGICAL = Set.of("$and", "$or", "$nor");

  private ArrayFilters() {}

  /** The filters by identifier, compiled under {@code collation} (the update's). */
  static Map<String, ArrayFilter> parse(BsonArray arrayFilters, Collation collation) {
    Map<String, ArrayFilter> filters = new LinkedHashMap<>();
    if (arrayFilters == null) {
      return filters;
    }
    for (BsonValue filter : arrayFilters) {
      if (!filter.isDocument()) {
        throw ErrorCode.TYPE_MISMATCH.error("Each array filter must be an object, found " + BsonText.typeName(filter));
      }
      String identifier = placeholder(filter.asDocument());
      if (filters.containsKey(identifier)) {
        throw ErrorCode.FAILED_TO_PARSE.error(
            "Found multiple array filters with the same top-level field name " + identifier);
      }
      filters.put(identifier, new ArrayFilter(identifier, compile(filter.asDocument(), collation)));
    }
    return filters;
  }

  private static Matcher compile(BsonDocument filter, Collation collation) {
    try {
      return Matcher.compile(filter, collation);
    } catch (MongoError error) {
      throw error.code().error("Error parsing array filter :: caused by :: " + error.getMessage());
    }
  }

  private static String placeholder(BsonDocument filter) {
    Set<String> names = new LinkedHashSet<>();
    collectNames(filter, names);
    if (names.isEmpty()) {
      throw ErrorCode.FAILED_TO_PARSE.error(
          "Cannot use an expression without a top-level field name in arrayFilters");
    }
    String[] distinct = names.toArray(new String[0]);
    if (distinct.length > 1) {
      throw ErrorCode.FAILED_TO_PARSE.error("Error parsing array filter :: caused by :: Expected a single top-level"
          + " field name, found '" + distinct[0] + "' and '" + distinct[1] + "'");
    }
    if (!IDENTIFIER.matcher(distinct[0]).matches()) {
      throw ErrorCode.BAD_VALUE.error("Error parsing array filter :: caused by :: The top-level field name must be"
          + " an alphanumeric string beginning with a lowercase letter, found '" + distinct[0] + "'");
    }
    return distinct[0];
  }

  private static void collectNames(BsonDocument filter, Set<String> names) {
    for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
      String key = entry.getKey();
      if (LOGICAL.contains(key) && entry.getValue().isArray()) {
        entry.getValue().asArray().stream().filter(BsonValue::isDocument)
            .forEach(clause -> collectNames(clause.asDocument(), names));
      } else if (!key.startsWith("$")) {
        int dot = key.indexOf('.');
        names.add(dot < 0 ? key : key.substring(0, dot));
      }
    }
  }
}

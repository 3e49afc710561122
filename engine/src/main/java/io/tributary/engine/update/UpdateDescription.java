package io.tributary.engine.update;

import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * What an update changed, in the shape of a change event's {@code updateDescription}: dotted paths that were set
 * (array elements as {@code "a.0"}), paths that were removed, arrays that were shortened, and, for paths whose
 * components are ambiguous (a numeric field name, or a field name containing a dot), the path split into its
 * components ({@code disambiguatedPaths}, array indexes as Int32). Immutable.
 */
public record UpdateDescription(BsonDocument updatedFields, List<String> removedFields,
    List<TruncatedArray> truncatedArrays, BsonDocument disambiguatedPaths) {

  /** The description of a change that recorded nothing. */
  public static UpdateDescription empty() {
    return new UpdateDescription(new BsonDocument(), List.of(), List.of(), new BsonDocument());
  }

  /** An array at {@code field} that now has {@code newSize} elements. */
  public record TruncatedArray(String field, int newSize) {}

  /** The {@code updateDescription} document; {@code disambiguatedPaths} only for expanded events. */
  public BsonDocument toBson(boolean showExpandedEvents) {
    BsonArray removed = new BsonArray();
    removedFields.forEach(path -> removed.add(new BsonString(path)));
    BsonArray truncated = new BsonArray();
    truncatedArrays.forEach(t -> truncated.add(
        new BsonDocument("field", new BsonString(t.field())).append("newSize", new BsonInt32(t.newSize()))));
    BsonDocument description = new BsonDocument("updatedFields", updatedFields)
        .append("removedFields", removed)
        .append("truncatedArrays", truncated);
    if (showExpandedEvents) {
      description.append("disambiguatedPaths", disambiguatedPaths);
    }
    return description;
  }
}

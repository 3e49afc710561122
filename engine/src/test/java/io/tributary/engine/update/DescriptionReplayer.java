package io.tributary.engine.update;

import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Applies an {@code updateDescription} to the old document, as a change-stream consumer would: removed fields,
 * then truncated arrays, then updated fields (array indexes beyond the end pad with nulls). Components come from
 * {@code disambiguatedPaths} when present; otherwise a component indexes an array when the value there is one.
 */
final class DescriptionReplayer {
  private DescriptionReplayer() {}

  static BsonDocument replay(BsonDocument old, UpdateDescription description) {
    BsonDocument document = Values.deepCopy(old);
    BsonDocument paths = description.disambiguatedPaths();
    for (String removed : description.removedFields()) {
      List<BsonValue> parts = components(removed, paths);
      BsonValue parent = navigate(document, parts);
      parent.asDocument().remove(((BsonString) parts.get(parts.size() - 1)).getValue());
    }
    for (UpdateDescription.TruncatedArray truncated : description.truncatedArrays()) {
      List<BsonValue> parts = components(truncated.field(), paths);
      parts.add(new BsonString("")); // navigate to the array itself
      BsonArray array = navigate(document, parts).asArray();
      while (array.size() > truncated.newSize()) {
        array.remove(array.size() - 1);
      }
    }
    description.updatedFields().forEach((path, value) -> set(document, components(path, paths), value));
    return document;
  }

  private static void set(BsonDocument document, List<BsonValue> parts, BsonValue value) {
    BsonValue parent = navigate(document, parts);
    BsonValue last = parts.get(parts.size() - 1);
    if (parent.isArray()) {
      BsonArray array = parent.asArray();
      int index = Integer.parseInt(text(last));
      while (array.size() < index) {
        array.add(BsonNull.VALUE);
      }
      if (index < array.size()) {
        array.set(index, Values.deepCopy(value));
      } else {
        array.add(Values.deepCopy(value));
      }
    } else {
      parent.asDocument().put(text(last), Values.deepCopy(value));
    }
  }

  /** The container of the last component. */
  private static BsonValue navigate(BsonDocument document, List<BsonValue> parts) {
    BsonValue current = document;
    for (int i = 0; i < parts.size() - 1; i++) {
      String part = text(parts.get(i));
      current = current.isArray() ? current.asArray().get(Integer.parseInt(part)) : current.asDocument().get(part);
    }
    return current;
  }

  private static List<BsonValue> components(String path, BsonDocument disambiguated) {
    if (disambiguated.containsKey(path)) {
      return new ArrayList<>(disambiguated.getArray(path).getValues());
    }
    List<BsonValue> parts = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      parts.add(new BsonString(part));
    }
    return parts;
  }

  private static String text(BsonValue part) {
    return part.isString() ? part.asString().getValue() : Integer.toString(part.asInt32().getValue());
  }
}

package io.tributary.engine.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Turns a delta into a change event's {@code updateDescription}, walking it the way the server's change stream
 * diff parser does: at each document level its updated and inserted fields, then its deleted fields, then its
 * nested diffs; at each array level its new size, then its elements in index order.
 *
 * <p>A path is ambiguous once it has a component that is a field name made of digits (not first in the path) or a
 * field name containing a dot; ambiguous paths are also reported split into components, array indexes as Int32
 * ({@code disambiguatedPaths}). Values are copied, so the description does not share state with the document.
 * One builder per description; not thread-safe.
 */
final class DescriptionBuilder {
  private final List<String> parts = new ArrayList<>();
  private final List<Boolean> indexes = new ArrayList<>();
  private final List<Boolean> ambiguous = new ArrayList<>();
  private final BsonDocument updatedFields = new BsonDocument();
  private final List<String> removedFields = new ArrayList<>();
  private final List<UpdateDescription.TruncatedArray> truncatedArrays = new ArrayList<>();
  private final BsonDocument disambiguatedPaths = new BsonDocument();

  static UpdateDescription describe(DocumentDiff diff) {
    DescriptionBuilder builder = new DescriptionBuilder();
    builder.document(diff);
    return new UpdateDescription(builder.updatedFields, List.copyOf(builder.removedFields),
        List.copyOf(builder.truncatedArrays), builder.disambiguatedPaths);
  }

  private void document(DocumentDiff diff) {
    diff.updates.forEach(this::updatedField);
    diff.inserts.forEach(this::updatedField);
    for (String field : diff.deletes) {
      push(field, false);
      removedFields.add(dotted());
      disambiguate();
      pop();
    }
    for (Map.Entry<String, DiffNode> sub : diff.subDiffs.entrySet()) {
      push(sub.getKey(), false);
      node(sub.getValue());
      pop();
    }
  }

  private void array(ArrayDiff diff) {
    if (diff.newSize != null) {
      truncatedArrays.add(new UpdateDescription.TruncatedArray(dotted(), diff.newSize));
      disambiguate();
    }
    diff.entries.forEach((index, entry) -> {
      push(Integer.toString(index), true);
      if (entry instanceof DiffNode) {
        node((DiffNode) entry);
      } else {
        updatedFields.append(dotted(), Values.deepCopy((BsonValue) entry));
        disambiguate();
      }
      pop();
    });
  }

  private void node(DiffNode node) {
    if (node instanceof DocumentDiff) {
      document((DocumentDiff) node);
    } else {
      array((ArrayDiff) node);
    }
  }

  private void updatedField(String field, BsonValue value) {
    push(field, false);
    updatedFields.append(dotted(), Values.deepCopy(value));
    disambiguate();
    pop();
  }

  private void push(String part, boolean arrayIndex) {
    boolean alreadyAmbiguous = !ambiguous.isEmpty() && ambiguous.get(ambiguous.size() - 1);
    boolean numeric = !arrayIndex && !parts.isEmpty() && isStrictNumber(part);
    boolean dotted = !arrayIndex && part.indexOf('.') >= 0;
    parts.add(part);
    indexes.add(arrayIndex);
    ambiguous.add(alreadyAmbiguous || numeric || dotted);
  }

  private void pop() {
    parts.remove(parts.size() - 1);
    indexes.remove(indexes.size() - 1);
    ambiguous.remove(ambiguous.size() - 1);
  }

  private String dotted() {
    return String.join(".", parts);
  }

  private void disambiguate() {
    if (!ambiguous.get(ambiguous.size() - 1)) {
      return;
    }
    BsonArray components = new BsonArray();
    for (int i = 0; i < parts.size(); i++) {
      components.add(indexes.get(i) ? new BsonInt32(Integer.parseInt(parts.get(i))) : new BsonString(parts.get(i)));
    }
    disambiguatedPaths.append(dotted(), components);
  }

  /** FieldRef::isNumericPathComponentStrict: digits, no leading zero unless the component is "0". */
  private static boolean isStrictNumber(String part) {
    return !part.isEmpty() && (part.length() == 1 || part.charAt(0) != '0')
        && part.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}

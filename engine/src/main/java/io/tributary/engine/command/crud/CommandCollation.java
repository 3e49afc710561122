package io.tributary.engine.command.crud;

import io.tributary.engine.Engine;
import io.tributary.engine.Namespace;
import io.tributary.engine.catalog.CollectionMetadata;
import io.tributary.engine.collation.Collation;
import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.expression.SystemVariables;
import io.tributary.engine.query.Matcher;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The collation an operation runs under (manual: "Collation"): its own {@code collation} option, else the default
 * collation of its collection or view ({@code create}'s {@code collation}), else simple. A view's operations may
 * not ask for another collation than the view's (OptionNotSupportedOnView, as mongod). Stateless.
 */
public final class CommandCollation {
  private CommandCollation() {}

  /** The collation of {@code holder} (a command, or one statement of a write) on {@code namespace}. */
  public static Collation of(Engine engine, Namespace namespace, BsonDocument holder) {
    BsonValue given = holder.get("collation");
    Optional<CollectionMetadata> target = engine.catalog().lookup(namespace);
    Collation fallback = target.map(CommandCollation::defaultOf).orElse(Collation.SIMPLE);
    if (given == null) {
      return fallback;
    }
    Collation collation = Collation.parse(given);
    if (target.isPresent() && target.get().isView() && !collation.equals(fallback)) {
      throw ErrorCode.OPTION_NOT_SUPPORTED_ON_VIEW.error("Cannot override a view's default collation");
    }
    return collation;
  }

  /** The default collation of a collection or view. */
  public static Collation defaultOf(CollectionMetadata collection) {
    BsonValue collation = collection.options().get("collation");
    return collation == null ? Collation.SIMPLE : Collation.parse(collation);
  }

  /** {@code filter} compiled with the command's variables under the collation of {@code holder}. */
  static Matcher matcher(Engine engine, Namespace namespace, BsonDocument holder, BsonDocument filter,
      SystemVariables variables) {
    return Matcher.compile(filter, variables.withCollation(of(engine, namespace, holder)));
  }
}

package io.tributary.engine.oplog;

import io.tributary.engine.Namespace;
import io.tributary.engine.bson.BsonBytes;
import io.tributary.engine.update.UpdateDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;

/**
 * The stored form of an {@link OplogEntry}: a BSON document shaped like mongod's oplog entries. Common fields:
 * {@code ts}, {@code wall}, {@code op} ({@code i u r d c n}), {@code ns}, {@code ui} (collection UUID), and
 * {@code lsid}, {@code txnNumber}, {@code stmtId}, {@code inTxn} for session writes. Document operations put
 * the document key in {@code o2}; commands put the command in {@code o} ({@code {create: "coll", ...}}).
 * A transaction is {@code {op: "c", ns: "admin.$cmd", o: {applyOps: [{ns, op, ui, o, o2, preImage, postImage},
 * ...]}}} plus its session fields, as mongod writes it; a transaction stored as several entries
 * ({@link TransactionChain}) adds {@code partialTxn: true} or the commit's {@code count} to {@code o}, and the
 * top-level {@code prevOpTime} (a timestamp) to every entry but the first.
 *
 * <p>Compatibility: the encoding only grew. Entries written before transactions had their own entry (one entry per
 * operation, {@code inTxn: true}) still decode, as themselves, so existing data directories need no new format
 * version; an older Tributary cannot read an {@code applyOps} entry, and reads each entry of a chain as a
 * transaction of its own. Stateless and thread-safe.
 */
public final class OplogEntryCodec {
  private OplogEntryCodec() {}

  public static byte[] encode(OplogEntry entry) {
    return BsonBytes.encode(toBson(entry));
  }

  public static OplogEntry decode(byte[] bytes) {
    return fromBson(BsonBytes.decode(bytes));
  }

  public static BsonDocument toBson(OplogEntry entry) {
    Operation operation = entry.operation();
    BsonDocument doc = new BsonDocument("ts", entry.clusterTime())
        .append("wall", new BsonDateTime(entry.wallTimeMillis()))
        .append("ns", new BsonString(operation.namespace().fullName()));
    OperationBson.write(operation, doc);
    SessionInfo session = entry.session();
    if (session != null) {
      doc.append("lsid", session.lsid()).append("txnNumber", new BsonInt64(session.txnNumber()))
          .append("stmtId", new BsonInt32(session.stmtId()))
          .append("inTxn", BsonBoolean.valueOf(session.inTransaction()));
    }
    return doc;
  }

  public static OplogEntry fromBson(BsonDocument doc) {
    SessionInfo session = doc.containsKey("lsid")
        ? new SessionInfo(doc.getDocument("lsid"), doc.getInt64("txnNumber").getValue(),
            doc.getInt32("stmtId").getValue(), doc.getBoolean("inTxn").getValue())
        : null;
    return new OplogEntry(doc.getTimestamp("ts"), doc.getDateTime("wall").getValue(), OperationBson.read(doc),
        session);
  }

  /** The encoded size of {@code operation} as an element of a transaction's {@code applyOps} array. */
  static int applyOpsElementSize(Operation operation) {
    return BsonBytes.encode(OperationBson.applyOpsElement(operation)).length;
  }

  /** The UUID of the collection a command operation is about; null for {@code dropDatabase} and no-ops. */
  static UUID collectionUuid(Operation operation) {
    return OperationBson.collectionUuid(operation);
  }

  /** The per-variant fields. */
  private static final class OperationBson {
    private OperationBson() {}

    static void write(Operation operation, BsonDocument doc) {
      if (operation instanceof Operation.Insert op) {
        document(doc, "i", op.collectionUuid(), op.documentKey()).append("o", op.document());
      } else if (operation instanceof Operation.Update op) {
        document(doc, "u", op.collectionUuid(), op.documentKey()).append("o", description(op.description()));
        optional(optional(doc, "preImage", op.preImage()), "postImage", op.postImage());
      } else if (operation instanceof Operation.Replace op) {
        document(doc, "r", op.collectionUuid(), op.documentKey()).append("o", op.document());
        optional(doc, "preImage", op.preImage());
      } else if (operation instanceof Operation.Delete op) {
        optional(document(doc, "d", op.collectionUuid(), op.documentKey()), "preImage", op.preImage());
      } else if (operation instanceof Operation.Noop op) {
        doc.append("op", new BsonString("n")).append("o", op.message());
      } else if (operation instanceof Operation.ApplyOps op) {
        command(doc, null, applyOpsCommand(op));
        if (op.chain() != null && op.chain().prevOpTime() != null) {
          doc.append("prevOpTime", op.chain().prevOpTime());
        }
      } else {
        command(doc, collectionUuid(operation), commandDocument(operation));
      }
    }

    /** {@code {applyOps: [...]}}, plus {@code partialTxn: true} or the commit's {@code count} in a chain. */
    private static BsonDocument applyOpsCommand(Operation.ApplyOps op) {
      BsonDocument command = new BsonDocument("applyOps", applyOps(op));
      TransactionChain chain = op.chain();
      if (chain != null && chain.partialTxn()) {
        command.append("partialTxn", BsonBoolean.TRUE);
      } else if (chain != null) {
        command.append("count", new BsonInt64(chain.count()));
      }
      return command;
    }

    private static BsonArray applyOps(Operation.ApplyOps applyOps) {
      BsonArray operations = new BsonArray();
      for (Operation operation : applyOps.operations()) {
        operations.add(applyOpsElement(operation));
      }
      return operations;
    }

    static BsonDocument applyOpsElement(Operation operation) {
      BsonDocument doc = new BsonDocument("ns", new BsonString(operation.namespace().fullName()));
      write(operation, doc);
      return doc;
    }

    static UUID collectionUuid(Operation operation) {
      if (operation instanceof Operation.Create op) {
        return op.collectionUuid();
      } else if (operation instanceof Operation.Drop op) {
        return op.collectionUuid();
      } else if (operation instanceof Operation.Rename op) {
        return op.collectionUuid();
      } else if (operation instanceof Operation.CreateIndex op) {
        return op.collectionUuid();
      } else if (operation instanceof Operation.DropIndex op) {
        return op.collectionUuid();
      } else if (operation instanceof Operation.Modify op) {
        return op.collectionUuid();
      }
      return null;
    }

    private static BsonDocument commandDocument(Operation operation) {
      BsonString coll = new BsonString(operation.namespace().collection());
      if (operation instanceof Operation.Create op) {
        return new BsonDocument("create", coll).append("options", op.options());
      } else if (operation instanceof Operation.Drop) {
        return new BsonDocument("drop", coll);
      } else if (operation instanceof Operation.Rename op) {
        return optional(new BsonDocument("renameCollection", new BsonString(op.namespace().fullName()))
            .append("to", new BsonString(op.target().fullName())), "dropTarget", uuid(op.droppedTargetUuid()));
      } else if (operation instanceof Operation.CreateIndex op) {
        return new BsonDocument("createIndexes", coll).append("spec", op.spec());
      } else if (operation instanceof Operation.DropIndex op) {
        return new BsonDocument("dropIndexes", coll).append("spec", op.spec());
      } else if (operation instanceof Operation.Modify op) {
        return new BsonDocument("collMod", coll).append("changes", op.changes())
            .append("stateBefore", op.stateBefore());
      }
      return new BsonDocument("dropDatabase", new BsonInt32(1));
    }

    static Operation read(BsonDocument doc) {
      Namespace ns = Namespace.parse(doc.getString("ns").getValue());
      UUID ui = doc.containsKey("ui") ? doc.getBinary("ui").asUuid(UuidRepresentation.STANDARD) : null;
      BsonDocument key = doc.getDocument("o2", null);
      return switch (doc.getString("op").getValue()) {
        case "i" -> new Operation.Insert(ns, ui, key, doc.getDocument("o"));
        case "u" -> new Operation.Update(ns, ui, key, description(doc.getDocument("o")),
            doc.getDocument("preImage", null), doc.getDocument("postImage", null));
        case "r" -> new Operation.Replace(ns, ui, key, doc.getDocument("o"), doc.getDocument("preImage", null));
        case "d" -> new Operation.Delete(ns, ui, key, doc.getDocument("preImage", null));
        case "c" -> readCommand(ns, ui, doc.getDocument("o"), doc.get("prevOpTime"));
        case "n" -> new Operation.Noop(ns, doc.getDocument("o"));
        default -> throw new IllegalStateException("unknown oplog op in " + doc.toJson());
      };
    }

    private static Operation readCommand(Namespace ns, UUID ui, BsonDocument o, BsonValue prevOpTime) {
      String command = o.getFirstKey();
      return switch (command) {
        case "create" -> new Operation.Create(ns, ui, o.getDocument("options"));
        case "drop" -> new Operation.Drop(ns, ui);
        case "renameCollection" -> new Operation.Rename(ns, ui, Namespace.parse(o.getString("to").getValue()),
            o.containsKey("dropTarget") ? o.getBinary("dropTarget").asUuid(UuidRepresentation.STANDARD) : null);
        case "dropDatabase" -> new Operation.DropDatabase(ns);
        case "createIndexes" -> new Operation.CreateIndex(ns, ui, o.getDocument("spec"));
        case "dropIndexes" -> new Operation.DropIndex(ns, ui, o.getDocument("spec"));
        case "collMod" -> new Operation.Modify(ns, ui, o.getDocument("changes"), o.getDocument("stateBefore"));
        case "applyOps" -> new Operation.ApplyOps(o.getArray("applyOps").stream()
            .map(op -> read(op.asDocument())).toList(), chain(o, prevOpTime));
        default -> throw new IllegalStateException("unknown oplog command " + command);
      };
    }

    private static TransactionChain chain(BsonDocument applyOps, BsonValue prevOpTime) {
      BsonTimestamp previous = prevOpTime == null ? null : prevOpTime.asTimestamp();
      if (applyOps.getBoolean("partialTxn", BsonBoolean.FALSE).getValue()) {
        return TransactionChain.partial(previous);
      }
      return previous == null ? null : TransactionChain.commit(previous, applyOps.getInt64("count").getValue());
    }

    private static BsonDocument document(BsonDocument doc, String op, UUID ui, BsonDocument documentKey) {
      return doc.append("op", new BsonString(op)).append("ui", uuid(ui)).append("o2", documentKey);
    }

    private static BsonDocument command(BsonDocument doc, UUID ui, BsonDocument o) {
      doc.append("op", new BsonString("c"));
      optional(doc, "ui", uuid(ui));
      return doc.append("o", o);
    }

    private static BsonDocument optional(BsonDocument doc, String field, BsonValue value) {
      if (value != null) {
        doc.append(field, value);
      }
      return doc;
    }

    private static BsonBinary uuid(UUID uuid) {
      return uuid == null ? null : new BsonBinary(uuid, UuidRepresentation.STANDARD);
    }

    private static BsonDocument description(UpdateDescription description) {
      BsonArray truncated = new BsonArray();
      description.truncatedArrays().forEach(t -> truncated.add(new BsonDocument("field", new BsonString(t.field()))
          .append("newSize", new BsonInt32(t.newSize()))));
      BsonArray removed = new BsonArray();
      description.removedFields().forEach(f -> removed.add(new BsonString(f)));
      return new BsonDocument("updatedFields", description.updatedFields()).append("removedFields", removed)
          .append("truncatedArrays", truncated).append("disambiguatedPaths", description.disambiguatedPaths());
    }

    private static UpdateDescription description(BsonDocument o) {
      List<String> removed = new ArrayList<>();
      o.getArray("removedFields").forEach(v -> removed.add(v.asString().getValue()));
      List<UpdateDescription.TruncatedArray> truncated = new ArrayList<>();
      o.getArray("truncatedArrays").forEach(v -> truncated.add(new UpdateDescription.TruncatedArray(
          v.asDocument().getString("field").getValue(), v.asDocument().getInt32("newSize").getValue())));
      return new UpdateDescription(o.getDocument("updatedFields"), removed, truncated,
          o.getDocument("disambiguatedPaths"));
    }
  }
}

package io.tributary.engine.oplog;

import io.tributary.engine.update.UpdateDescription;
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
 * An {@link OplogEntry} as mongod shows it in {@code local.oplog.rs} (4.2+ format, so no {@code h}):
 * {@code [lsid, txnNumber,] op, ns, [ui,] o, [o2,] [stmtId,] ts, t, v: 2, wall}. A replacement is {@code op: "u"}
 * with the whole document in {@code o}; an update is {@code o: {$v: 2, diff}}; commands use the namespace
 * {@code db.$cmd}. A transaction is one {@code op: "c"} entry on {@code admin.$cmd} with
 * {@code o: {applyOps: [{op, ns, ui, o, [o2]}, ...]}}, its {@code lsid} and {@code txnNumber}, and the
 * {@code prevOpTime} of the first entry of a transaction (mongod's null optime; no {@code stmtId}); a transaction
 * stored as several entries shows each with {@code partialTxn: true} or, on the last, the {@code count} of its
 * operations, linked by {@code prevOpTime: {ts, t}}. Stateless.
 *
 * <p>The update diff is rebuilt from the stored update description: dotted paths become nested {@code s<field>}
 * sub-diffs, so a path through an array element shows as an object field (mongod would write an array diff).
 * Images are not part of mongod's oplog entry (it keeps them in {@code config.system.preimages}), so they are
 * left out.
 */
public final class OplogDocument {
  /** The term of every entry: Tributary's one primary is elected once. */
  public static final long TERM = 1;
  private static final BsonInt64 VERSION = new BsonInt64(2);

  private OplogDocument() {}

  public static BsonDocument of(OplogEntry entry) {
    BsonDocument doc = new BsonDocument();
    SessionInfo session = entry.session();
    if (session != null) {
      doc.append("lsid", session.lsid()).append("txnNumber", new BsonInt64(session.txnNumber()));
    }
    operation(entry.operation(), doc);
    boolean transaction = entry.operation() instanceof Operation.ApplyOps;
    if (session != null && !transaction) {
      doc.append("stmtId", new BsonInt32(session.stmtId()));
    }
    doc.append("ts", entry.clusterTime()).append("t", new BsonInt64(TERM)).append("v", VERSION)
        .append("wall", new BsonDateTime(entry.wallTimeMillis()));
    if (transaction) {
      doc.append("prevOpTime", prevOpTime(((Operation.ApplyOps) entry.operation()).chain()));
    }
    return doc;
  }

  /** The previous entry of the transaction, or mongod's null optime for its first (or only) entry. */
  private static BsonDocument prevOpTime(TransactionChain chain) {
    return chain == null || chain.prevOpTime() == null
        ? new BsonDocument("ts", new BsonTimestamp(0, 0)).append("t", new BsonInt64(-1))
        : new BsonDocument("ts", chain.prevOpTime()).append("t", new BsonInt64(TERM));
  }

  private static void operation(Operation operation, BsonDocument doc) {
    if (operation instanceof Operation.Insert op) {
      crud(doc, "i", op, op.collectionUuid(), op.document(), op.documentKey());
    } else if (operation instanceof Operation.Update op) {
      crud(doc, "u", op, op.collectionUuid(),
          new BsonDocument("$v", new BsonInt32(2)).append("diff", diff(op.description())), op.documentKey());
    } else if (operation instanceof Operation.Replace op) {
      crud(doc, "u", op, op.collectionUuid(), op.document(), op.documentKey());
    } else if (operation instanceof Operation.Delete op) {
      crud(doc, "d", op, op.collectionUuid(), op.documentKey(), null);
    } else if (operation instanceof Operation.Noop op) {
      doc.append("op", new BsonString("n")).append("ns", new BsonString("")).append("o", op.message());
    } else if (operation instanceof Operation.ApplyOps op) {
      BsonDocument o = new BsonDocument("applyOps", applyOps(op));
      if (op.chain() != null && op.chain().partialTxn()) {
        o.append("partialTxn", BsonBoolean.TRUE);
      } else if (op.chain() != null) {
        o.append("count", new BsonInt64(op.chain().count()));
      }
      doc.append("op", new BsonString("c")).append("ns", new BsonString(op.namespace().fullName())).append("o", o);
    } else {
      command(operation, doc);
    }
  }

  /** A transaction's operations, each shown as its own entry would be without the entry-level fields. */
  private static BsonArray applyOps(Operation.ApplyOps applyOps) {
    BsonArray operations = new BsonArray();
    for (Operation operation : applyOps.operations()) {
      BsonDocument rendered = new BsonDocument();
      operation(operation, rendered);
      operations.add(rendered);
    }
    return operations;
  }

  private static void crud(BsonDocument doc, String op, Operation operation, UUID ui, BsonDocument o,
      BsonDocument o2) {
    doc.append("op", new BsonString(op)).append("ns", new BsonString(operation.namespace().fullName()))
        .append("ui", uuid(ui)).append("o", o);
    if (o2 != null) {
      doc.append("o2", o2);
    }
  }

  private static void command(Operation operation, BsonDocument doc) {
    doc.append("op", new BsonString("c"))
        .append("ns", new BsonString(operation.namespace().db() + ".$cmd"));
    UUID ui = OplogEntryCodec.collectionUuid(operation);
    if (ui != null) {
      doc.append("ui", uuid(ui));
    }
    doc.append("o", commandObject(operation));
    if (operation instanceof Operation.DropIndex op) {
      doc.append("o2", op.spec());
    } else if (operation instanceof Operation.Modify op) {
      doc.append("o2", new BsonDocument("collectionOptions_old", op.stateBefore()));
    }
  }

  private static BsonDocument commandObject(Operation operation) {
    BsonString coll = new BsonString(operation.namespace().collection());
    if (operation instanceof Operation.Create op) {
      return merged(new BsonDocument("create", coll), op.options());
    } else if (operation instanceof Operation.Drop) {
      return new BsonDocument("drop", coll);
    } else if (operation instanceof Operation.Rename op) {
      BsonDocument o = new BsonDocument("renameCollection", new BsonString(op.namespace().fullName()))
          .append("to", new BsonString(op.target().fullName())).append("stayTemp", BsonBoolean.FALSE);
      return op.droppedTargetUuid() == null ? o : o.append("dropTarget", uuid(op.droppedTargetUuid()));
    } else if (operation instanceof Operation.CreateIndex op) {
      return merged(new BsonDocument("createIndexes", coll), op.spec());
    } else if (operation instanceof Operation.DropIndex op) {
      return new BsonDocument("dropIndexes", coll).append("index", op.spec().get("name"));
    } else if (operation instanceof Operation.Modify op) {
      return merged(new BsonDocument("collMod", coll), op.changes());
    }
    return new BsonDocument("dropDatabase", new BsonInt32(1));
  }

  private static BsonDocument merged(BsonDocument command, BsonDocument arguments) {
    command.putAll(arguments);
    return command;
  }

  /** mongod's {@code $v: 2} diff: {@code u} sets, {@code d} removes, {@code s<field>} descends. */
  private static BsonDocument diff(UpdateDescription description) {
    BsonDocument diff = new BsonDocument();
    description.updatedFields().forEach((path, value) -> section(diff, path, "u").append(leaf(path), value));
    description.removedFields().forEach(path -> section(diff, path, "d").append(leaf(path), BsonBoolean.FALSE));
    description.truncatedArrays().forEach(t -> subDiff(diff, t.field() + ".")
        .append("a", BsonBoolean.TRUE).append("l", new BsonInt32(t.newSize())));
    return diff;
  }

  private static BsonDocument section(BsonDocument diff, String path, String kind) {
    BsonDocument parent = subDiff(diff, path);
    if (!parent.containsKey(kind)) {
      parent.append(kind, new BsonDocument());
    }
    return parent.getDocument(kind);
  }

  /** The sub-diff of the document holding {@code path}'s last field, created as needed. */
  private static BsonDocument subDiff(BsonDocument diff, String path) {
    BsonDocument current = diff;
    String[] fields = path.split("\\.", -1);
    for (int i = 0; i < fields.length - 1; i++) {
      String key = "s" + fields[i];
      BsonValue next = current.get(key);
      if (next == null) {
        next = new BsonDocument();
        current.append(key, next);
      }
      current = next.asDocument();
    }
    return current;
  }

  private static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static BsonBinary uuid(UUID uuid) {
    return new BsonBinary(uuid, UuidRepresentation.STANDARD);
  }
}

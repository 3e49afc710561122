package io.tributary.engine.oplog;

import java.util.HexFormat;
import org.bson.BsonBinary;
import org.bson.BsonDocument;

/**
 * The session fields of a write. Immutable.
 *
 * @param lsid the logical session id as mongod records it, {@code {id, uid}}: a client sends only {@code id}, and
 *     mongod adds the {@code uid} of the session's user, which without authentication is the SHA-256 of nothing
 *     ({@code kNoAuthDigest}); the oplog and change events show it so
 * @param inTransaction true when the write was part of a multi-document transaction (only then do change events
 *     carry {@code lsid} and {@code txnNumber})
 */
public record SessionInfo(BsonDocument lsid, long txnNumber, int stmtId, boolean inTransaction) {
  private static final byte[] NO_AUTH_UID =
      HexFormat.of().parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  public SessionInfo {
    if (lsid != null && !lsid.containsKey("uid")) {
      lsid = lsid.clone().append("uid", new BsonBinary(NO_AUTH_UID));
    }
  }
}

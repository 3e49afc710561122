package io.tributary.engine.storage;

/**
 * The ordered key spaces every storage engine provides. Each is a separate sorted map of byte keys (unsigned
 * lexicographic order) to byte values; in RocksDB each is a column family. Keys inside a key space are laid
 * out by the engine's catalog (see docs/ARCHITECTURE.md "Storage layout").
 */
public enum KeySpace {
  /** Collection and index metadata, keyed by namespace. */
  CATALOG,
  /** Documents, keyed by collection id + record id. */
  DOCUMENTS,
  /** Index entries, keyed by index id + encoded key (+ record id for non-unique indexes). */
  INDEXES,
  /** The oplog, keyed by the 8-byte big-endian cluster time: a resume is a seek, never a scan. */
  OPLOG,
  /** Engine-wide metadata: format version, last cluster time, sequence counters. */
  METADATA
}

package io.tributary.storage.rocksdb;

import io.tributary.server.Tributary;
import io.tributary.server.oplog.OplogOperabilitySuite;

/** {@link OplogOperabilitySuite} on the durable engine: sizes are RocksDB's estimates, entries visible once synced. */
class RocksDbOplogOperabilityTest extends OplogOperabilitySuite {
  @Override
  protected String storageEngine() {
    return Tributary.ROCKSDB;
  }
}

package io.tributary.storage.rocksdb;

import io.tributary.server.crud.CollationBehaviourSuite;

/** {@link CollationBehaviourSuite} on the durable RocksDB storage engine. */
class RocksDbCollationTest extends CollationBehaviourSuite {
  @Override
  protected String storageEngine() {
    return "rocksdb";
  }
}

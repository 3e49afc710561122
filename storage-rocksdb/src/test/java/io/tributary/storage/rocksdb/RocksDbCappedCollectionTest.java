package io.tributary.storage.rocksdb;

import io.tributary.server.capped.CappedCollectionSuite;

/** {@link CappedCollectionSuite} on the durable RocksDB storage engine. */
class RocksDbCappedCollectionTest extends CappedCollectionSuite {
  @Override
  protected String storageEngine() {
    return "rocksdb";
  }
}

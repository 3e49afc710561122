package io.tributary.storage.rocksdb;

import io.tributary.server.crud.CrudBehaviourSuite;

/** {@link CrudBehaviourSuite} on the durable RocksDB storage engine. */
class RocksDbCrudTest extends CrudBehaviourSuite {
  @Override
  protected String storageEngine() {
    return "rocksdb";
  }
}

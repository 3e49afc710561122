package io.tributary.storage.rocksdb;

import io.tributary.server.Tributary;
import io.tributary.server.changestream.ChangeStreamDdlAndImagesSuite;

/** {@link ChangeStreamDdlAndImagesSuite} on the durable engine. */
class RocksDbChangeStreamDdlTest extends ChangeStreamDdlAndImagesSuite {
  @Override
  protected String storageEngine() {
    return Tributary.ROCKSDB;
  }
}

package io.tributary.storage.rocksdb;

import io.tributary.server.Tributary;
import io.tributary.server.changestream.ChangeStreamBehaviourSuite;

/** {@link ChangeStreamBehaviourSuite} on the durable engine, where events become visible only once synced. */
class RocksDbChangeStreamTest extends ChangeStreamBehaviourSuite {
  @Override
  protected String storageEngine() {
    return Tributary.ROCKSDB;
  }
}

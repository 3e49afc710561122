package io.tributary.storage.rocksdb;

import io.tributary.server.Tributary;
import io.tributary.server.changestream.LargeTransactionChangeStreamSuite;

/** {@link LargeTransactionChangeStreamSuite} on the durable engine. */
class RocksDbLargeTransactionTest extends LargeTransactionChangeStreamSuite {
  @Override
  protected String storageEngine() {
    return Tributary.ROCKSDB;
  }
}

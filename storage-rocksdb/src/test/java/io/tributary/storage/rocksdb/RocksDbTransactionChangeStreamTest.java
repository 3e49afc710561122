package io.tributary.storage.rocksdb;

import io.tributary.server.Tributary;
import io.tributary.server.changestream.TransactionChangeStreamSuite;

/** {@link TransactionChangeStreamSuite} on the durable engine. */
class RocksDbTransactionChangeStreamTest extends TransactionChangeStreamSuite {
  @Override
  protected String storageEngine() {
    return Tributary.ROCKSDB;
  }
}

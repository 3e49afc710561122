package io.tributary.server.changestream;

import io.tributary.server.Tributary;

/**
 * The change-stream driver suite on the durable engine, where events become visible only once synced. It lives in
 * the suite's package because the suite is package-private.
 */
class ChangeStreamDriverOnRocksDbTest extends ChangeStreamDriverTest {
  @Override
  protected String storageEngine() {
    return Tributary.ROCKSDB;
  }
}

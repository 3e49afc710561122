package io.tributary.engine.command;

import java.util.Set;

/**
 * The fields any command may carry besides its own (mongod's "generic arguments"): session, transaction, read and
 * write concern, API version and the like. A command that rejects unknown fields must accept these. Stateless.
 */
public final class GenericArguments {
  private static final Set<String> NAMES = Set.of("$db", "lsid", "txnNumber", "$clusterTime", "$readPreference",
      "readConcern", "writeConcern", "comment", "maxTimeMS", "apiVersion", "apiStrict", "apiDeprecationErrors",
      "autocommit", "startTransaction", "$audit", "$client", "mayBypassWriteBlocking");

  private GenericArguments() {}

  public static boolean isGeneric(String field) {
    return NAMES.contains(field);
  }
}

package io.tributary.junit5;

/** How long one Tributary server lives in a test class. */
public enum ServerLifecycle {
  /** One server for the whole class (and its {@code @Nested} classes); every database is dropped after each test. */
  PER_CLASS,
  /** A new server for each test: full isolation, at the cost of a start (well under a second) per test. */
  PER_TEST
}

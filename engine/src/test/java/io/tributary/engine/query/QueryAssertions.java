package io.tributary.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.MongoError;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test shorthand: asserting the {@link MongoError} a filter or projection fails with. */
final class QueryAssertions {
  private QueryAssertions() {}

  static void assertFails(ThrowingCallable call, int code, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MongoError.class, e -> {
      assertThat(e.code().code()).isEqualTo(code);
      assertThat(e.getMessage()).isEqualTo(message);
    });
  }

  static void assertFails(ThrowingCallable call, int code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MongoError.class, e -> assertThat(e.code().code()).isEqualTo(code));
  }
}

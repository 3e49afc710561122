package io.tributary.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.error.ErrorCode;
import io.tributary.engine.error.MongoError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespaceTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "a\\b", "a.b", "a b", "a\"b", "a$b", "a\0b",
      "0123456789012345678901234567890123456789012345678901234567890123"})
  void rejectsInvalidDatabaseNames(String db) {
    assertThatThrownBy(() -> Namespace.of(db, "c")).isInstanceOfSatisfying(MongoError.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_NAMESPACE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"test", "my-db_1", "Ünïcode", "012345678901234567890123456789012345678901234567890123456789012"})
  void acceptsValidDatabaseNames(String db) {
    assertThat(Namespace.of(db, "c").fullName()).isEqualTo(db + ".c");
  }
}

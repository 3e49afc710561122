package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import org.junit.jupiter.api.Test;

/** Without {@code enableTestCommands}, test commands do not exist, as in mongod. */
class TestCommandsDisabledTest extends ServerTestSupport {
  @Override
  protected Tributary.Builder configure(Tributary.Builder builder) {
    return builder.setParameter("enableTestCommands", "0");
  }

  @Test
  void configureFailPointIsNotFound() {
    assertThatThrownBy(() -> adminCommand("{configureFailPoint: 'failCommand', mode: 'off'}"))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(59));
  }

  @Test
  void getParameterReportsTestCommandsOff() {
    assertThat(adminCommand("{getParameter: 1, enableTestCommands: 1}").getBoolean("enableTestCommands").getValue())
        .isFalse();
  }
}

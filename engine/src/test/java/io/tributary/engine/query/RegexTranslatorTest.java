package io.tributary.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexTranslatorTest {

  @ParameterizedTest(name = "/{0}/{1} on ''{2}'' -> {3}")
  @CsvSource(delimiter = '|', value = {
      "[[:alpha:]]+$     |    | ab1x   | true",
      "^[[:^digit:]]+$   |    | ab     | true",
      "^[[:^digit:]]+$   |    | a1     | false",
      "a{                |    | xa{y   | true",
      "a{2}              |    | aa     | true",
      "{foo}             |    | {foo}  | true",
      "[]a]              |    | ]      | true",
      "[^]a]             |    | ]      | false",
      "[a[]              |    | [      | true",
      "[a&&b]            |    | &      | true",
      "(?P<x>a)(?P=x)    |    | aa     | true",
      "\\Q[a]\\E         |    | [a]    | true",
      "a.b               |    | a\u2028b | true",
      "a$                |    | a\\r   | false",
      "^b                | m  | a\\nb  | true",
      "a$                |    | a\\n   | true",
      "a.b               |    | a\\nb  | false",
      "a.b               | s  | a\\nb  | true",
      "ÉCOLE             | i  | école  | true",
  })
  void translatesPcreToJava(String pattern, String options, String input, boolean expected) {
    Pattern compiled = RegexTranslator.compile(pattern, options == null ? "" : options);
    String text = input.replace("\\n", "\n").replace("\\r", "\r");
    assertThat(compiled.matcher(text).find()).isEqualTo(expected);
  }
}

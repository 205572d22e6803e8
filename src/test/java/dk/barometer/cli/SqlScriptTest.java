package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtSemicolonsOutsideQuotesAndComments() {
    assertThat(SqlScript.statements("SELECT ';' AS a; -- one; two\nSELECT 2;\n\n"))
        .containsExactly("SELECT ';' AS a", "SELECT 2");
  }
}

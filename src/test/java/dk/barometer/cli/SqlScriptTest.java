package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtSemicolonsOutsideQuotesAndComments() {
    assertThat(SqlScript.statements("SELECT ';' AS a; -- one; two\nSELECT 2;\n\n"))
        .containsExactly("SELECT ';' AS a", "SELECT 2");
  }

  @Test
  void onlyQueriesDescriptionsAndListingsRead() {
    assertThat(List.of("SELECT 1", " (SELECT 1)", "/* why */ WITH t AS (SELECT 1) SELECT * FROM t", "values (1)",
        "DESCRIBE HISTORY raw.indicators", "SHOW TABLES", "EXPLAIN SELECT 1", "FROM t SELECT *", "TABLE runs"))
        .allMatch(SqlScript::reads);
    assertThat(List.of("SET spark.sql.ansi.enabled = false", "RESET", "USE raw", "CREATE TEMPORARY VIEW v AS SELECT 1",
        "DECLARE VARIABLE x INT", "CACHE TABLE runs", "EXECUTE IMMEDIATE 'SET x = 1'", "DELETE FROM runs", ""))
        .noneMatch(SqlScript::reads);
  }
}

package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.TestSpark;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The relations that statements name, read from Spark's parse of them; none where they may read what they do not name. */
class NamedRelationsTest {
  @Test
  void queriesNameTheirRelationsInSubqueriesAndCommonTableExpressionsToo() {
    assertThat(named("SELECT * FROM v_indicators WHERE wave = 2025",
        "WITH t AS (SELECT * FROM Default.Indicators) SELECT * FROM t JOIN runs USING (run_id)",
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM raw.weights)",
        "SELECT * FROM raw.indicators VERSION AS OF 0",
        "SELECT * FROM microdata.v_responses_employee_da"))
        .contains(Set.of("v_indicators", "Default.Indicators", "t", "runs", "raw.weights", "raw.indicators",
            "microdata.v_responses_employee_da"));
    assertThat(named("SELECT 1")).contains(Set.of());
    assertThat(named("DESCRIBE TABLE raw.runs")).contains(Set.of("raw.runs"));
    assertThat(named("DESCRIBE HISTORY raw.indicators")).contains(Set.of("raw.indicators"));
    assertThat(named("EXECUTE IMMEDIATE 'SELECT * FROM runs'")).as("a query whose text is a string").contains(Set.of());
  }

  @Test
  void listingsSettingsAndWhatDoesNotParseNameNothingToGoBy() {
    for (String statement : List.of("SHOW TABLES", "SHOW TABLES IN raw", "SET spark.sql.ansi.enabled = false", "USE raw",
        "EXPLAIN SELECT * FROM indicators", "SELEKT 1")) {
      assertThat(named("SELECT * FROM runs", statement)).as(statement).isEmpty();
    }
  }

  private static Optional<Set<String>> named(String... statements) {
    return NamedRelations.of(TestSpark.spark(), List.of(statements));
  }
}

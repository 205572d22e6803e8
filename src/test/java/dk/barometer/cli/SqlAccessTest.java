package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.CommandRun;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attacks that worked through {@code jobs/barometer sql} before it had roles, through its real entry (Main, in
 * this JVM): each is refused with the SQL error's exit code and a message naming what and the role, and afterwards
 * every table is as it was. An engineer still reads the raw tables.
 */
class SqlAccessTest {
  private static final Path OUTSIDE = TestSpark.tempDir("sql-outside").resolve("written");
  private static Warehouse warehouse;
  private final CommandRun commands = new CommandRun();

  @BeforeAll
  static void demoWarehouse() {
    warehouse = DemoWarehouse.withTrends();
    QueryZones.drop();
  }

  @AfterAll
  static void everyTableIsAsItWas() {
    QueryZones.drop();
    DemoWarehouse.assertUnchanged();
    assertThat(Files.exists(OUTSIDE)).isFalse();
  }

  @Test
  void theAttacksOfBeforeAreRefusedWithTheSqlErrorsExitCode() {
    for (String role : List.of("analyst", "researcher")) {
      // Delta itself refuses to delete from a view, such as the published indicators, before the guard sees it.
      assertThat(sql("--role", role, "DELETE FROM indicators WHERE wave = 2025 AND domain = 'total'")).isEqualTo(2);
      for (String attack : List.of(
          "DELETE FROM raw.indicators WHERE wave = 2025",
          "UPDATE raw.weights SET weight = 0 WHERE respondent_id = 42",
          "DROP TABLE raw.runs",
          "SELECT value FROM text.`/etc/hostname`",
          "INSERT OVERWRITE DIRECTORY '" + OUTSIDE + "' USING parquet SELECT 1",
          "SELECT reflect('java.lang.System', 'getProperty', 'user.name')",
          "SET spark.databricks.delta.retentionDurationCheck.enabled = false; VACUUM raw.indicators RETAIN 0 HOURS",
          "VACUUM raw.indicators RETAIN 0 HOURS")) {
        assertThat(sql("--role", role, attack)).as("%s as %s: %s", attack, role, commands.err()).isEqualTo(2);
        assertThat(commands.err()).as(attack).contains("the role '" + role + "'");
      }
    }
  }

  @Test
  void analystsReadThePublishedZoneOnly() {
    assertThat(sql("--format", "csv", "SELECT count(*) FROM indicators WHERE reliability = 'suppressed'"))
        .isZero();
    assertThat(commands.out().lines().toList()).endsWith("0");
    assertThat(sql("SELECT * FROM microdata.weights")).isEqualTo(2);
    assertThat(commands.err()).contains("microdata.weights", "researcher and engineer");
    assertThat(sql("--role", "auditor", "SELECT 1")).isEqualTo(2);
    assertThat(commands.err()).contains("--role", "auditor");
  }

  @Test
  void researchersReadMicrodataWithoutTheRespondentId() {
    assertThat(sql("--role", "researcher", "--format", "csv", "SELECT * FROM microdata.weights LIMIT 1")).isZero();
    String header = commands.out().lines().findFirst().orElseThrow();
    assertThat(header).contains("weight").doesNotContain("respondent_id");
    assertThat(sql("--role", "researcher", "SELECT respondent_id FROM raw.weights")).isEqualTo(2);
  }

  @Test
  void engineersReadTheRawTablesAndTheirHistory() {
    assertThat(sql("--role", "engineer", "--format", "csv",
        "SELECT count(*) FROM raw.indicators VERSION AS OF 0 WHERE reliability = 'suppressed'")).isZero();
    assertThat(Long.parseLong(commands.out().lines().reduce((a, b) -> b).orElseThrow()))
        .isPositive();
  }

  @Test
  void aStatementFindsWhatItNamesAndOneNamingNothingFindsTheRest() {
    QueryZones.drop();
    assertThat(sql("--format", "csv", "SELECT count(*) FROM v_indicators WHERE wave = 2025")).as("%s", commands.err())
        .isZero();
    assertThat(TestSpark.spark().catalog().tableExists("raw.indicators")).isTrue();
    assertThat(TestSpark.spark().catalog().tableExists("raw.runs")).as("not named, not registered").isFalse();

    // A name built as the statement runs: found once the rest is registered.
    assertThat(sql("--format", "csv", "EXECUTE IMMEDIATE 'SELECT count(*) FROM runs'")).as("%s", commands.err())
        .isZero();
    assertThat(Long.parseLong(commands.out().lines().reduce((a, b) -> b).orElseThrow()))
        .isPositive();
    assertThat(sql("--format", "csv", "SHOW TABLES IN raw")).isZero();
    assertThat(commands.out()).contains("runs", "weights");
    assertThat(sql("SELECT * FROM no_such_table")).isEqualTo(2);
    assertThat(commands.err()).contains("no_such_table");
  }

  private int sql(String... args) {
    return commands.run("sql", warehouse.root(), args);
  }
}

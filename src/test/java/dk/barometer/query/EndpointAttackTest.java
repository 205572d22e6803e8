package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.config.Role;
import dk.barometer.testing.ConnectClient;
import dk.barometer.testing.ServingEndpoint;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes, DDL, file reads outside the warehouse and reflection, sent as SQL by an analyst through the endpoint with
 * the real Spark Connect client: each refused by the read-only guard, the tables unchanged afterwards.
 */
class EndpointAttackTest {
  @BeforeAll
  static void serve() {
    ServingEndpoint.serve();
  }

  @AfterAll
  static void dataUnchanged() {
    ServingEndpoint.releaseUnchanged();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DELETE FROM indicators WHERE wave = 2025",
      "UPDATE indicators SET estimate = 0 WHERE wave = 2025",
      "DROP TABLE indicators",
      "SELECT * FROM text.`/etc/hostname`",
      "SELECT reflect('java.lang.System', 'getProperty', 'user.name')",
      "SET spark.sql.warehouse.dir=/tmp/elsewhere",
      "SET spark.databricks.delta.retentionDurationCheck.enabled = false",
      "VACUUM indicators RETAIN 0 HOURS",
      "SELECT java_method('java.lang.System', 'getenv', 'HOME')"})
  void anAnalystsStatementIsRefused(String statement) {
    assertThatThrownBy(() -> ConnectClient.query(ServingEndpoint.url(Role.ANALYST), statement))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Access refused")
        .hasMessageContaining("'analyst'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "csv"})
  void anAnalystWritesNoDirectory(String format) {
    Path target = TestSpark.tempDir("overwrite").resolve("out");

    assertThatThrownBy(() -> ConnectClient.query(ServingEndpoint.url(Role.ANALYST), "INSERT OVERWRITE DIRECTORY '"
        + target + "' USING " + format + " SELECT * FROM indicators")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Access refused");
    assertThat(target).doesNotExist();
  }

}

package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.config.Role;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The guard of query sessions on the demo warehouse: every write, DDL, maintenance, path read, reflection, setting
 * and read outside the zones is refused to analysts and researchers, naming what and who may; engineers read
 * everything; and afterwards every table is as it was.
 */
class AccessGuardTest {
  private static final Path OUTSIDE = TestSpark.tempDir("outside").resolve("written");
  private static Warehouse warehouse;

  @BeforeAll
  static void registerTheDemoWarehouse() {
    warehouse = DemoWarehouse.withTrends();
    QueryZones.register(warehouse);
  }

  @AfterAll
  static void everyTableIsAsItWas() {
    QueryZones.drop();
    DemoWarehouse.assertUnchanged();
    assertThat(Files.exists(OUTSIDE)).as("a directory written by INSERT OVERWRITE DIRECTORY").isFalse();
  }

  /**
   * Statements no role below engineer may run, one a line, each with what its refusal must name after the bar;
   * {outside} stands for a directory outside the warehouse, {weights} for the weights table's directory.
   */
  private static final String ATTACKS = """
      DELETE FROM raw.indicators WHERE wave = 2025 AND domain = 'total' | DeleteCommand
      UPDATE raw.weights SET weight = 0 WHERE wave = 2025 | UpdateCommand
      MERGE INTO raw.weights t USING (SELECT 1 AS id) s ON t.wave = s.id WHEN MATCHED THEN DELETE | MergeIntoCommand
      INSERT INTO raw.runs SELECT * FROM raw.runs | raw.runs
      DROP TABLE raw.runs | Drop
      DROP VIEW indicators | Drop
      CREATE VIEW leak AS SELECT * FROM raw.weights | CreateView
      CREATE TABLE copy USING delta AS SELECT * FROM indicators | Create
      ALTER TABLE raw.indicators SET TBLPROPERTIES ('delta.logRetentionDuration' = '0 days') | SetTableProperties
      VACUUM raw.indicators RETAIN 0 HOURS | Vacuum
      RESTORE TABLE raw.indicators TO VERSION AS OF 0 | Restore
      OPTIMIZE raw.indicators | Optimize
      CACHE TABLE indicators | Cache
      UNCACHE TABLE indicators | Uncache
      REFRESH TABLE indicators | Refresh
      ANALYZE TABLE raw.indicators COMPUTE STATISTICS | Analyze
      CREATE FUNCTION evil AS 'dk.barometer.Nowhere' | CreateFunction
      ADD JAR /tmp/nowhere.jar | AddJars
      ADD FILE /etc/hostname | AddFiles
      INSERT OVERWRITE DIRECTORY '{outside}' USING parquet SELECT 1 | InsertIntoDataSourceDir
      SELECT value FROM text.`/etc/hostname` | by path
      SELECT * FROM parquet.`{weights}` | by path
      SELECT * FROM delta.`{weights}` | by path
      SELECT * FROM delta.`{weights}` VERSION AS OF 0 | by path
      SELECT * FROM json.`{weights}/_delta_log` | by path
      SELECT * FROM csv.`/etc/hostname` | by path
      SELECT * FROM binaryFile.`/etc/hostname` | by path
      SELECT reflect('java.lang.System', 'getProperty', 'user.name') | reflection
      SELECT java_method('java.lang.System', 'exit', 0) | reflection
      SELECT try_reflect('java.lang.System', 'getenv', 'HOME') | reflection
      SET spark.databricks.delta.retentionDurationCheck.enabled = false | spark.databricks.delta.retentionDurationCheck.enabled
      SET spark.hadoop.fs.s3a.secret.key | spark.hadoop.fs.s3a.secret.key
      SET | list every setting
      SET -v | -v
      RESET | reset every setting
      RESET spark.sql.warehouse.dir | spark.sql.warehouse.dir
      SELECT * FROM raw.weights | raw.weights
      TABLE raw.weights | raw.weights
      SELECT * FROM IDENTIFIER('raw.weights') | raw.weights
      SELECT * FROM raw.indicators VERSION AS OF 0 | raw.indicators
      SELECT * FROM indicators WHERE base_n > (SELECT max(weight) FROM raw.weights) | raw.weights
      SELECT * FROM indicators WHERE EXISTS (SELECT 1 FROM raw.rejects) | raw.rejects
      SELECT * FROM indicators WHERE run_id IN (SELECT run_id FROM raw.runs) | raw.runs
      SELECT * FROM indicators i, LATERAL (SELECT weight FROM raw.weights LIMIT 1) | raw.weights
      WITH w AS (SELECT * FROM raw.weights) SELECT count(*) FROM w | raw.weights
      CREATE TEMPORARY VIEW mine AS SELECT * FROM raw.weights | raw.weights
      EXPLAIN SELECT * FROM raw.weights | raw.weights
      EXPLAIN DELETE FROM raw.indicators WHERE wave = 2025 | DeleteCommand
      DESCRIBE raw.weights | raw.weights
      DESCRIBE HISTORY raw.indicators | DescribeDeltaHistory
      SHOW TBLPROPERTIES raw.weights | ShowTableProperties
      EXECUTE IMMEDIATE 'DELETE FROM raw.indicators WHERE wave = 2025' | DeleteCommand
      """;

  static Stream<Arguments> attacks() {
    String weights = warehouse().path(Table.WEIGHTS);
    return ATTACKS.lines().map(line -> line.split(" \\| ")).map(parts -> Arguments.of(
        parts[0].replace("{outside}", OUTSIDE.toString()).replace("{weights}", weights), parts[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void analystsAndResearchersAreRefused(String statement, String named) {
    for (Role role : List.of(Role.ANALYST, Role.RESEARCHER)) {
      SparkSession session = QueryZones.session(role);
      assertThatThrownBy(() -> session.sql(statement).collect()).as("%s as %s", statement, role.id())
          .hasMessageContaining("Access refused: the role '" + role.id() + "'")
          .hasMessageContaining(named);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Table.class)
  void theRawTablesAreTheEngineers(Table table) {
    String raw = QueryCatalog.raw(table);
    assertThatThrownBy(() -> QueryZones.session(Role.RESEARCHER).sql("SELECT * FROM " + raw).collect())
        .hasMessageContaining("may not read " + raw).hasMessageContaining("zone 'raw'")
        .hasMessageContaining("read by engineer");
    assertThat(QueryZones.session(Role.ENGINEER).sql("SELECT * FROM " + raw).count())
        .isEqualTo(warehouse.read(table).count());
  }

  @Test
  void engineersTimeTravelAndReadHistory() {
    SparkSession engineer = QueryZones.session(Role.ENGINEER);
    assertThat(engineer.sql("SELECT DISTINCT wave FROM raw.indicators VERSION AS OF 0").collectAsList())
        .extracting(r -> r.getInt(0)).containsExactly(2025);
    assertThat(engineer.sql("DESCRIBE HISTORY raw.indicators").count()).isEqualTo(2);
  }

  @Test
  void analystsQueryListDescribeAndExplainThePublishedZone() {
    SparkSession analyst = QueryZones.session(Role.ANALYST);
    assertThat(analyst.sql("SELECT count(*) FROM indicators").first().getLong(0)).isPositive();
    assertThat(analyst.sql("WITH i AS (SELECT * FROM v_indicators) SELECT count(*) FROM i WHERE wave IN "
        + "(SELECT wave FROM trends)").first().getLong(0)).isPositive();
    assertThat(analyst.sql("SELECT * FROM IDENTIFIER('v_trends')").count()).isPositive();
    // A comparison either of whose groups is suppressed is withheld, from the table's view and the labelled one.
    long published = QueryZones.session(Role.ENGINEER).sql("SELECT count(*) FROM raw.comparisons WHERE reliability "
        + "<> 'suppressed'").first().getLong(0);
    assertThat(published).isPositive();
    assertThat(analyst.sql("SELECT count(*) FROM comparisons").first().getLong(0)).isEqualTo(published);
    assertThat(analyst.sql("SELECT count(*) FROM v_comparisons WHERE first_en IS NOT NULL AND second_en IS NOT NULL "
        + "AND claim IS NOT NULL").first().getLong(0)).isEqualTo(published);
    assertThat(analyst.sql("SHOW TABLES IN raw").count()).isEqualTo(Table.values().length);
    assertThat(analyst.sql("DESCRIBE indicators").count()).isPositive();
    assertThat(analyst.sql("EXPLAIN SELECT * FROM runs").first().getString(0)).contains("Physical Plan");
    analyst.sql("SET spark.sql.shuffle.partitions = 3");
    assertThat(analyst.sql("SET spark.sql.shuffle.partitions").first().getString(1)).isEqualTo("3");
    analyst.sql("CREATE OR REPLACE TEMPORARY VIEW mine AS SELECT * FROM indicators WHERE domain = 'total'");
    assertThat(analyst.sql("SELECT count(*) FROM mine").first().getLong(0)).isPositive();
    analyst.sql("USE raw");
    assertThatThrownBy(() -> analyst.sql("SELECT * FROM weights").collect()).hasMessageContaining("raw.weights");
  }

  @Test
  void theDataFrameApiIsGuardedToo() {
    SparkSession analyst = QueryZones.session(Role.ANALYST);
    assertThatThrownBy(() -> analyst.read().parquet(warehouse.path(Table.WEIGHTS)).collect())
        .hasMessageContaining("by path");
    assertThatThrownBy(() -> analyst.table("raw.weights").collect()).hasMessageContaining("raw.weights");
    assertThatThrownBy(() -> analyst.table("indicators").write().mode("overwrite").parquet(OUTSIDE.toString()))
        .hasMessageContaining("Access refused");
    analyst.udf().register("twice", (org.apache.spark.sql.api.java.UDF1<Long, Long>) x -> 2 * x,
        org.apache.spark.sql.types.DataTypes.LongType);
    assertThatThrownBy(() -> analyst.sql("SELECT twice(base_n) FROM indicators").collect())
        .hasMessageContaining("user-defined function twice");
  }

  @Test
  void aSessionWithoutAnAssignedRoleReadsAsAnAnalyst() {
    SparkSession unknown = QueryZones.session(Role.ENGINEER).newSession();
    assertThatThrownBy(() -> unknown.sql("SELECT * FROM raw.weights").collect())
        .hasMessageContaining("the role 'analyst'");
    assertThat(unknown.sql("SELECT count(*) FROM v_indicators").first().getLong(0)).isPositive();
  }

  @Test
  void theSessionOfARunIsNotGuarded() {
    assertThat(TestSpark.spark().sql("SELECT count(*) FROM raw.weights").first().getLong(0)).isPositive();
  }

  private static Warehouse warehouse() {
    return warehouse != null ? warehouse : DemoWarehouse.withTrends();
  }
}

package dk.barometer.query;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.Role;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestFiles;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.columnar.InMemoryRelation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published zone in memory at an endpoint: an analyst's queries of the published tables and labelled views read
 * the cached rows, and a run's new commit replaces them once the watcher sees it, for the views over the table too.
 */
class PublishedCacheTest {
  private static final String USES_AI = "SELECT pct FROM v_indicators WHERE wave = 2025 AND survey = 'employer' "
      + "AND indicator_id = 'uses_ai' AND domain = 'total'";
  private static Warehouse warehouse;

  @BeforeAll
  static void copyOfTheDemoWarehouse() {
    Path copy = TestFiles.copyTree(Path.of(DemoWarehouse.withTrends().root()), TestSpark.tempDir("cached-warehouse"));
    warehouse = new Warehouse(TestSpark.spark(), copy.toString());
    QueryZones.register(warehouse);
  }

  @AfterAll
  static void dropZones() {
    QueryZones.drop();
  }

  @Test
  void analystsReadThePublishedZoneFromMemoryAndSeeANewCommitOnceWatched() {
    SparkSession analyst = QueryZones.session(Role.ANALYST);
    double before = analyst.sql(USES_AI).first().getDouble(0);
    try (PublishedCache cache = PublishedCache.hold(TestSpark.spark(), warehouse, Duration.ofHours(1))) {
      assertThat(readsCache(analyst.sql(USES_AI))).isTrue();
      assertThat(readsCache(analyst.sql("SELECT * FROM indicators"))).isTrue();
      assertThat(readsCache(analyst.sql("SELECT * FROM v_trends"))).isTrue();
      assertThat(readsCache(analyst.sql("SELECT * FROM runs"))).isTrue();
      assertThat(readsCache(analyst.sql("SELECT * FROM pact_figures"))).isTrue();
      assertThat(readsCache(analyst.sql("SELECT * FROM v_pact_barometer"))).isTrue();
      assertThat(cache.refreshChanged()).as("nothing committed yet").isZero();

      // A run rewrites the 2025 indicators: every estimate 0.5 (pct 50.0).
      Dataset<Row> rewritten = warehouse.read(Table.INDICATORS).where(col("wave").equalTo(2025))
          .withColumn("estimate", when(col("estimate").isNotNull(), lit(0.5D)));
      warehouse.replaceWave(Table.INDICATORS, 2025, rewritten);
      assertThat(cache.refreshChanged()).as("the indicators' commit seen").isEqualTo(1);

      assertThat(analyst.sql(USES_AI).first().getDouble(0)).isEqualTo(50.0).isNotEqualTo(before);
      assertThat(readsCache(analyst.sql(USES_AI))).as("the view cached again").isTrue();
      assertThat(readsCache(analyst.sql("SELECT * FROM indicators"))).as("the table cached again").isTrue();
      assertThat(readsCache(analyst.sql("SELECT * FROM v_pact_barometer"))).as("the view over both, again").isTrue();
      assertThat(cache.refreshChanged()).as("nothing new since").isZero();
    }
    assertThat(readsCache(analyst.sql("SELECT * FROM indicators"))).as("uncached when closed").isFalse();
    assertThat(readsCache(analyst.sql(USES_AI))).isFalse();
  }

  @Test
  void timeTravelReadsTheTableNotTheCache() {
    SparkSession engineer = QueryZones.session(Role.ENGINEER);
    try (PublishedCache cache = PublishedCache.hold(TestSpark.spark(), warehouse, Duration.ofHours(1))) {
      assertThat(readsCache(engineer.sql("SELECT * FROM raw.indicators"))).isTrue();
      assertThat(readsCache(engineer.sql("SELECT * FROM raw.indicators VERSION AS OF 0"))).isFalse();
    }
  }

  private static boolean readsCache(Dataset<Row> query) {
    return query.queryExecution().withCachedData().find(plan -> plan instanceof InMemoryRelation).isDefined();
  }
}

package dk.barometer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WarehouseLocationTest {
  private final SparkSession spark = TestSpark.spark();

  @Test
  void aRelativeRootIsQueryableBySqlAfterRegistering() {
    Path dir = TestSpark.tempDir("relative");
    String relative = Path.of("").toAbsolutePath().relativize(dir).toString();
    Warehouse warehouse = new Warehouse(spark, relative + "/");
    warehouse.replaceWave(Table.REJECTS, 2025, spark.range(3).selectExpr("2025 AS wave", "id AS respondent_id"));

    warehouse.register();

    assertThat(spark.sql("SELECT count(*) FROM rejects").first().getLong(0)).isEqualTo(3);
    assertThat(warehouse.root()).isEqualTo(dir.toString());
  }

  @Test
  void urisAndAbsolutePathsAreKeptAsGiven() {
    assertThat(new Warehouse(spark, "s3a://bucket").root()).isEqualTo("s3a://bucket");
    assertThat(new Warehouse(spark, "hdfs://nn:8020/barometer/").root()).isEqualTo("hdfs://nn:8020/barometer");
    assertThat(new Warehouse(spark, "/data/warehouse").root()).isEqualTo("/data/warehouse");
  }

  // The catalog is shared by every test class: leave no 'rejects' for another test's register() to keep.
  @AfterEach
  void unregister() {
    spark.sql("DROP TABLE IF EXISTS rejects");
  }
}

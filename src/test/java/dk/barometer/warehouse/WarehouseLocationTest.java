package dk.barometer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class WarehouseLocationTest {
  private final SparkSession spark = TestSpark.spark();

  @Test
  void urisAndAbsolutePathsAreKeptAsGiven() {
    assertThat(new Warehouse(spark, "s3a://bucket").root()).isEqualTo("s3a://bucket");
    assertThat(new Warehouse(spark, "hdfs://nn:8020/barometer/").root()).isEqualTo("hdfs://nn:8020/barometer");
    assertThat(new Warehouse(spark, "/data/warehouse").root()).isEqualTo("/data/warehouse");
  }
}

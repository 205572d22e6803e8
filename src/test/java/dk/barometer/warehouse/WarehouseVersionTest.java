package dk.barometer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class WarehouseVersionTest {
  private final SparkSession spark = TestSpark.spark();

  private Dataset<Row> wave(int wave) {
    return spark.range(3).selectExpr(wave + " AS wave", "id AS respondent_id");
  }

  @Test
  void theVersionIsTheOneDeltaRecordsAfterEachWrite() {
    Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("versions").toString());
    long[] versions = {
        warehouse.replaceWave(Table.REJECTS, 2025, wave(2025)),
        warehouse.replaceWave(Table.REJECTS, 2026, wave(2026)),
        warehouse.replaceWave(Table.REJECTS, 2025, wave(2025))};

    assertThat(versions).containsExactly(0, 1, 2);
    long latest = DeltaTable.forPath(spark, warehouse.path(Table.REJECTS)).history(1).first().getAs("version");
    assertThat(warehouse.version(Table.REJECTS)).isEqualTo(latest);
  }

  @Test
  void aLogWithoutCommitsIsAnErrorNamingIt() throws IOException {
    Path root = TestSpark.tempDir("no-commits");
    Files.createDirectories(root.resolve("indicators").resolve("_delta_log"));
    Files.writeString(root.resolve("indicators").resolve("_delta_log").resolve("_last_checkpoint"), "{}");
    Warehouse warehouse = new Warehouse(spark, root.toString());

    assertThatThrownBy(() -> warehouse.version(Table.INDICATORS)).isInstanceOf(BarometerException.class)
        .hasMessageContaining("indicators/_delta_log").hasMessageContaining("no commit");
  }
}

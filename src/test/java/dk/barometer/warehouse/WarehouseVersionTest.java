package dk.barometer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
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

  /** The size of the current files: the replaced wave's files no longer count, though they stay on disk. */
  @Test
  void theSizeIsThatOfTheCurrentFilesAndUnknownWithoutAChecksumFile() throws IOException {
    Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("sizes").toString());
    warehouse.replaceWave(Table.REJECTS, 2025, wave(2025));
    warehouse.replaceWave(Table.REJECTS, 2026, wave(2026));
    warehouse.replaceWave(Table.REJECTS, 2025, wave(2025).union(wave(2025)));
    long current = 0;
    for (String file : spark.read().format("delta").load(warehouse.path(Table.REJECTS)).inputFiles()) {
      current += Files.size(Path.of(URI.create(file)));
    }
    long onDisk;
    try (Stream<Path> files = Files.walk(Path.of(warehouse.path(Table.REJECTS)))) {
      onDisk = files.filter(f -> f.toString().endsWith(".parquet")).mapToLong(f -> f.toFile().length()).sum();
    }

    assertThat(warehouse.sizeInBytes(Table.REJECTS)).hasValue(current);
    assertThat(onDisk).isGreaterThan(current);

    Files.delete(Path.of(warehouse.path(Table.REJECTS), "_delta_log", String.format("%020d.crc", 2)));
    DeltaLog.clearCache(); // the snapshot read before, with its checksum, is otherwise reused
    assertThat(warehouse.sizeInBytes(Table.REJECTS)).isEmpty();
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

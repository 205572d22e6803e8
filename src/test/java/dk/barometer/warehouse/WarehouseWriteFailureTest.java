package dk.barometer.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dk.barometer.BarometerException;
import dk.barometer.testing.ReadOnlyFiles;
import dk.barometer.testing.TableChecksum;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write that fails says what failed: rows that could not be computed are not reported as a warehouse that could
 * not be written, and either way the table keeps its previous version.
 */
class WarehouseWriteFailureTest {
  private static final int WAVE = 2025;

  private final SparkSession spark = TestSpark.spark();

  private Dataset<Row> rows(String respondentId) {
    return spark.range(3).selectExpr(WAVE + " AS wave", respondentId + " AS respondent_id");
  }

  /**
   * A task that stops computing a row: Spark reports raise_error's wrapped in TASK_WRITE_FAILED ("Task failed while
   * writing rows"), the division by zero (ANSI mode) as it is.
   */
  @ParameterizedTest
  @ValueSource(strings = {"if(id = 2, raise_error('boom'), id)", "1 div (id - 1)"})
  void rowsThatCannotBeComputedAreNotAWriteFailure(String respondentId) {
    Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("rows-fail").toString());
    long previous = warehouse.replaceWave(Table.REJECTS, WAVE, rows("id"));
    String contents = TableChecksum.of(warehouse.read(Table.REJECTS));

    assertThatThrownBy(() -> warehouse.replaceWave(Table.REJECTS, WAVE, rows(respondentId)))
        .isNotInstanceOf(BarometerException.class)
        .hasMessageContaining("Computing the rows for Delta table rejects at " + warehouse.path(Table.REJECTS))
        .hasMessageContaining("the table keeps its previous version")
        .hasMessageNotContaining("writable")
        .message().containsAnyOf("boom", "DIVIDE_BY_ZERO");
    assertThat(warehouse.version(Table.REJECTS)).isEqualTo(previous);
    assertThat(TableChecksum.of(warehouse.read(Table.REJECTS))).isEqualTo(contents);
  }

  @Test
  void aWarehouseThatRefusesTheWriteIsAWriteFailure() {
    Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("read-only").toString());
    long previous = warehouse.replaceWave(Table.REJECTS, WAVE, rows("id"));

    try (ReadOnlyFiles readOnly = ReadOnlyFiles.of(List.of(Path.of(warehouse.path(Table.REJECTS))))) {
      assumeThat(readOnly.effective()).as("this file system can make a directory read-only").isTrue();
      assertThatThrownBy(() -> warehouse.replaceWave(Table.REJECTS, WAVE, rows("id + 10")))
          .isInstanceOf(BarometerException.class)
          .hasMessageContaining("Writing Delta table rejects at " + warehouse.path(Table.REJECTS))
          .hasMessageContaining("Check that the warehouse is writable; the table keeps its previous version")
          .extracting(e -> ((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.WRITE);
    }
    assertThat(warehouse.version(Table.REJECTS)).isEqualTo(previous);
  }
}

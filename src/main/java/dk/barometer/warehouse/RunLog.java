package dk.barometer.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code runs} table as an append-only log. A run appends {@code started} before its first data write and its
 * final row ({@code succeeded} or {@code failed}) after; a run killed in between cannot write its final row, so
 * the next run of its wave appends a {@code failed} row for it ({@link #closeInterrupted}). Runs of one wave do
 * not overlap (the next one holds the wave's {@link WaveLease} when it checks), so a started run of the wave
 * without a final row then was interrupted; runs of other waves may be running.
 */
public final class RunLog {
  static final String INTERRUPTED = "interrupted: the run (started %s) began writing its tables and recorded no end "
      + "(killed, or its driver was lost). Tables may hold its rows for this wave, marked run_id %s; rerun the wave.";

  private final SparkSession spark;
  private final Warehouse warehouse;

  public RunLog(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  public void append(RunRecord record) {
    warehouse.append(Table.RUNS, record.toRow(spark));
  }

  /**
   * Appends a {@code failed} row for every run of {@code wave} that has a {@code started} row and no final row;
   * returns their ids. The failed row keeps the started row's inputs and counts. Call it holding the wave's lease.
   */
  public List<String> closeInterrupted(int wave, Instant now) {
    if (!warehouse.exists(Table.RUNS)) {
      return List.of();
    }
    Dataset<Row> runs = warehouse.read(Table.RUNS).where(col("wave").equalTo(wave));
    Dataset<Row> ended = runs.where(col("status").notEqual(RunRecord.STARTED)).select("run_id");
    Dataset<Row> open = runs.where(col("status").equalTo(RunRecord.STARTED)).join(ended, "run_id", "left_anti");
    List<String> ids = open.select("run_id").distinct().as(Encoders.STRING()).collectAsList();
    if (!ids.isEmpty()) {
      Dataset<Row> failed = open.withColumn("status", lit(RunRecord.FAILED))
          .withColumn("finished_at", lit(Timestamp.from(now)))
          .withColumn("message", format_string(INTERRUPTED, col("started_at").cast("string"), col("run_id")));
      warehouse.append(Table.RUNS, failed.select(recordColumns(failed)));
    }
    return ids;
  }

  /**
   * The runs record's columns from {@code rows}; a column the record gained after an older run wrote its row is
   * null there (the table's schema merges it in).
   */
  private static Column[] recordColumns(Dataset<Row> rows) {
    Set<String> present = Set.of(rows.columns());
    return Arrays.stream(RunRecord.SCHEMA.fields())
        .map(f -> present.contains(f.name()) ? col(f.name()) : lit(null).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new);
  }
}

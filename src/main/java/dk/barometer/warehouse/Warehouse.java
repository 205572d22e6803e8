package dk.barometer.warehouse;

import dk.barometer.runtime.Causes;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.VersionChecksum;
import scala.Option;

/**
 * The Delta tables under one warehouse root (any Hadoop file system URI). Wave tables are partitioned by wave and
 * a run replaces its wave's partition in one Delta commit ({@code replaceWhere}): a rerun leaves no duplicates and
 * other waves untouched. Query sessions see the tables by name once the query side has registered them.
 */
public final class Warehouse {
  /** A commit in a Delta log: its version, zero-padded to 20 digits, and .json (Delta's PROTOCOL.md). */
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

  private final SparkSession spark;
  private final String root;

  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    String absolute = absolute(root);
    this.root = absolute.endsWith("/") ? absolute.substring(0, absolute.length() - 1) : absolute;
  }

  /**
   * A relative local root made absolute, from the working directory: SQL's {@code CREATE TABLE ... LOCATION} would
   * resolve it against Spark's own warehouse directory instead, where no table is.
   */
  private static String absolute(String root) {
    Path path = new Path(root);
    boolean located = path.toUri().getScheme() != null || path.isAbsolute();
    return located ? root : java.nio.file.Path.of(root).toAbsolutePath().normalize().toString();
  }

  public String root() {
    return root;
  }

  public String path(Table table) {
    return root + "/" + table.tableName();
  }

  /**
   * Replaces the rows of {@code wave} in {@code table} with {@code rows}, atomically; returns the table's Delta
   * version after the write, which holds exactly these rows for the wave. A run is the only writer of its tables, so
   * that is this write's commit, or the version already there when Delta skips an empty commit (no rows to remove
   * or add, e.g. a wave without rejects).
   */
  public long replaceWave(Table table, int wave, Dataset<Row> rows) {
    return replaceWave(table, wave, rows, List.of());
  }

  /**
   * As {@link #replaceWave(Table, int, Dataset)}; a table created by this write keeps file statistics (for data
   * skipping) on {@code statsColumns} only, Delta's first 32 columns where empty. An existing table keeps its own.
   */
  public long replaceWave(Table table, int wave, Dataset<Row> rows, List<String> statsColumns) {
    return replacePartition(table, "wave", wave, rows, statsColumns);
  }

  /**
   * As {@link #replaceWave(Table, int, Dataset)}, for the tables partitioned by reporting {@code year} (the pact's):
   * the year's rows replaced in one commit, other years untouched.
   */
  public long replaceYear(Table table, int year, Dataset<Row> rows) {
    return replacePartition(table, "year", year, rows, List.of());
  }

  private long replacePartition(Table table, String column, int value, Dataset<Row> rows, List<String> statsColumns) {
    try {
      DataFrameWriter<Row> writer = rows.write().format("delta");
      if (!statsColumns.isEmpty() && !exists(table)) {
        writer = writer.option("delta.dataSkippingStatsColumns", String.join(",", statsColumns));
      }
      writer
          .mode("overwrite")
          .option("replaceWhere", column + " = " + value)
          // A wave may ask a concept the others did not (a new question): its column joins the table, null in
          // the waves without it.
          .option("mergeSchema", "true")
          .partitionBy(column)
          .save(path(table));
    } catch (Exception e) { // Spark's SparkException (a failed task) is checked in Java but undeclared
      throw failure(table, e);
    }
    return version(table);
  }

  /** Replaces the whole of {@code table} with {@code rows} in one commit (for tables derived from all waves). */
  public void replace(Table table, Dataset<Row> rows) {
    try {
      rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path(table));
    } catch (Exception e) { // as above
      throw failure(table, e);
    }
  }

  /** Reads {@code table}; a clear error when no run has written it yet. */
  public Dataset<Row> read(Table table) {
    if (!exists(table)) {
      throw WarehouseErrors.tableMissing(table.tableName(), path(table));
    }
    return spark.read().format("delta").load(path(table));
  }

  /** Appends {@code rows}; new columns of the runs record are merged into an older table's schema. */
  public void append(Table table, Dataset<Row> rows) {
    try {
      rows.write().format("delta").mode("append").option("mergeSchema", "true").save(path(table));
    } catch (Exception e) { // as above
      throw failure(table, e);
    }
  }

  /**
   * The latest Delta version of {@code table}: its log's highest commit file, from one listing of the log (reading
   * the table's history would start a Spark job per write). Log clean-up removes old commits, never the latest.
   */
  public long version(Table table) {
    Path log = log(table);
    long latest = -1;
    try {
      for (FileStatus file : fileSystem(log).listStatus(log)) {
        String name = file.getPath().getName();
        if (COMMIT_FILE.matcher(name).matches()) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
    } catch (IOException e) {
      throw WarehouseErrors.logUnlistable(table.tableName(), log, e);
    }
    if (latest < 0) {
      throw WarehouseErrors.logWithoutCommit(table.tableName(), log);
    }
    return latest;
  }

  /**
   * The bytes of {@code table}'s current data files as the checksum file of its latest Delta version records them,
   * read without a Spark job; empty when that version has no checksum file (a writer that does not write one).
   */
  public OptionalLong sizeInBytes(Table table) {
    Option<VersionChecksum> checksum = DeltaLog.forTable(spark, path(table))
        .update(false, Option.empty(), Option.empty()).checksumOpt();
    return checksum.isDefined() ? OptionalLong.of(checksum.get().tableSizeBytes()) : OptionalLong.empty();
  }

  /** The rows of {@code table} as of Delta version {@code version} (time travel). */
  public Dataset<Row> read(Table table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  public boolean exists(Table table) {
    Path log = log(table);
    try {
      return fileSystem(log).exists(log);
    } catch (IOException e) {
      return false;
    }
  }

  /** The table's Delta log directory. */
  private Path log(Table table) {
    return new Path(path(table), "_delta_log");
  }

  private FileSystem fileSystem(Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }

  /**
   * A failed write as what it was. Spark computes the rows as it writes them and wraps whatever stops a task in the
   * same SparkException (TASK_WRITE_FAILED, "Task failed while writing rows"), so only the cause chain tells the
   * warehouse's failure from the rows' own: a file system's IOException (Delta's DeltaIOException is one) means
   * storage refused the write, Delta's DeltaConcurrentModificationException that another writer committed first;
   * anything else stopped the rows before they reached storage.
   */
  RuntimeException failure(Table table, Exception e) {
    Optional<DeltaConcurrentModificationException> conflict =
        Causes.innermost(e, DeltaConcurrentModificationException.class);
    if (conflict.isPresent()) {
      return WarehouseErrors.concurrentWrite(table.tableName(), path(table), conflict.get(), e);
    }
    return Causes.innermost(e, IOException.class)
        .<RuntimeException>map(fault -> WarehouseErrors.writeFailed(table.tableName(), path(table), fault, e))
        .orElseGet(() -> WarehouseErrors.rowsFailed(table.tableName(), path(table), e));
  }

  /** Whether a write failed because another writer committed to the table first. */
  static boolean isConcurrentWrite(Exception e) {
    return Causes.innermost(e, DeltaConcurrentModificationException.class).isPresent();
  }
}

package dk.barometer.cli;

import dk.barometer.publish.NioLocalFileSystem;
import dk.barometer.publish.NioLocalFs;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession: Delta's extension and catalog always; local mode unless a master is already set. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession.Builder builder(String appName) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        // A wave's write has one partition value: one open writer per task, instead of sorting every row by the
        // partition column first. More values than this fall back to the sort.
        .config("spark.sql.maxConcurrentOutputFileWriters", "4")
        // Adaptive execution may coalesce the shuffle partitions of a persisted frame too: the cell sums and the
        // estimates are small, and each later read of them would otherwise run a task per shuffle partition.
        .config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true")
        // Constraint propagation derives every filter's implied predicates through each projection; over the
        // hundreds of validation rules and item columns that took seconds of planning per run (PruneFilters), for
        // no filter worth inferring here.
        .config("spark.sql.constraintPropagation.enabled", "false");
    // spark-submit sets spark.master; a plain java launch runs locally on every core.
    if (System.getProperty("spark.master") == null) {
      builder.master("local[*]")
          .config("spark.sql.shuffle.partitions", "8")
          // Delta rebuilds a table's state with this many tasks; survey tables have few files, and the default
          // (50) costs seconds per write on a small machine.
          .config("spark.databricks.delta.snapshotPartitions", "2")
          // Local files without a shell command per file created and per Delta commit (no native Hadoop here).
          .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName())
          .config("spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName())
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder;
  }

  /**
   * As {@link #builder(String)}, plus the Spark settings of an environment profile; a setting spark-submit gave
   * (a system property in the driver) wins over the profile's.
   */
  public static SparkSession.Builder builder(String appName, Map<String, String> settings) {
    SparkSession.Builder builder = builder(appName);
    settings.forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        builder.config(key, value);
      }
    });
    return builder;
  }
}

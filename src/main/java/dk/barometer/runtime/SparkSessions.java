package dk.barometer.runtime;

import dk.barometer.runtime.NioLocalFileSystem;
import dk.barometer.runtime.NioLocalFs;
import java.io.File;
import java.lang.reflect.Field;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.Utils;

/** Builds the SparkSession: Delta's extension and catalog always; local mode unless a master is already set. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession.Builder builder(String appName) {
    artifactsInTempDir();
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
        .config("spark.sql.constraintPropagation.enabled", "false")
        // Array sums per group (the replicate multipliers per weighting cell, the replicate sums per domain) are
        // object aggregates, which past 128 groups in a task sort their input rows, each an array of B values,
        // instead of hashing them. Up to 10,000 groups they hash: about 16 MB of sums per task at B = 200.
        .config("spark.sql.objectHashAggregate.sortBased.fallbackThreshold", "10000");
    // Spark's own warehouse holds managed tables, which the job never makes (its tables are registered by location)
    // and the in-memory catalog forgets at exit anyway: a temporary directory, not ./spark-warehouse, which fails
    // where the working directory is not writable (a scheduled job) and litters it where it is.
    if (System.getProperty("spark.sql.warehouse.dir") == null) {
      builder.config("spark.sql.warehouse.dir", scratch("spark-warehouse").toURI().toString());
    }
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
   * Spark 4.0.0 makes every session's artifact directory under ./artifacts (SPARK-52396), so no session starts where
   * the working directory is not writable. Spark 4.0.1 fixed it by taking a temporary directory, which is done here
   * before the first session needs it; the registry here lacks parts of 4.0.1 (see pom.xml). A Spark without this
   * field, or with it already set, is left as it is.
   */
  private static void artifactsInTempDir() {
    try {
      Class<?> manager = Class.forName("org.apache.spark.sql.artifact.ArtifactManager$");
      Field root = manager.getDeclaredField("artifactRootDirectory");
      Field computed = manager.getDeclaredField("bitmap$0");
      root.setAccessible(true);
      computed.setAccessible(true);
      // The lazy value's own lock: its initialiser synchronises on the module instance.
      synchronized (manager.getField("MODULE$").get(null)) {
        if (!computed.getBoolean(null)) {
          root.set(null, scratch("artifacts").toPath());
          computed.setBoolean(null, true);
        }
      }
    } catch (ReflectiveOperationException e) {
      // Not Spark 4.0.0's layout: a later Spark places the directory itself.
    }
  }

  /** A fresh directory under java.io.tmpdir that Spark deletes at exit. */
  private static File scratch(String prefix) {
    return Utils.createTempDir(System.getProperty("java.io.tmpdir"), prefix);
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

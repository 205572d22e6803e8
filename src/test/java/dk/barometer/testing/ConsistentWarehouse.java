package dk.barometer.testing;

import dk.barometer.config.BarometerConfig;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The {@link ConsistentWave} of 2025 run once with the shipped configuration into a warehouse: built once per test
 * JVM and shared by the tests that start from that run (a wave run costs many seconds). Tests must not write into
 * {@link #shared()} or {@link #input()}; a test that writes takes a {@link #copy()}.
 */
public final class ConsistentWarehouse {
  public static final int WAVE = 2025;
  private static Path input;
  private static Warehouse warehouse;
  private static String runId;

  private ConsistentWarehouse() {}

  public static synchronized Warehouse shared() {
    if (warehouse == null) {
      SparkSession spark = TestSpark.spark();
      BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
      Path written = ConsistentWave.fixture(spark, config, WAVE).write(TestSpark.tempDir("consistent-input"));
      Warehouse built = new Warehouse(spark, TestSpark.tempDir("consistent-warehouse").toString());
      runId = new WaveRun(spark, config, built, TestKeys.pseudonymKey()).run(WAVE, written.toString()).record()
          .runId();
      input = written;
      warehouse = built;
    }
    return warehouse;
  }

  /** The input directory the run read. */
  public static synchronized Path input() {
    shared();
    return input;
  }

  /** The id of the run, which every data table's rows carry. */
  public static synchronized String runId() {
    shared();
    return runId;
  }

  /** A warehouse of its own holding the same tables, Delta versions and rows as the shared one. */
  public static Warehouse copy() {
    Path copy = TestFiles.copyTree(Path.of(shared().root()), TestSpark.tempDir("warehouse"));
    return new Warehouse(TestSpark.spark(), copy.toString());
  }
}

package dk.barometer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.barometer.config.BarometerConfig;
import dk.barometer.testing.TestSpark;
import dk.barometer.testing.WaveFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * How the reader opens the files and lays the rows out for the tasks that follow: from the footers, without a Spark
 * job, and so that every core works, whatever the files.
 */
class ResponseReaderTest {
  private static final int WAVE = 2025;
  private final SparkSession spark = TestSpark.spark();
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());

  @Test
  void oneFileOfOneRowGroupIsSpreadOverEveryCore() {
    WaveFixture fixture = fixture(40);
    Path input = fixture.write(TestSpark.tempDir("one-row-group"));
    Dataset<Row> rows = read(fixture, input);

    int cores = spark.sparkContext().defaultParallelism();
    assertTrue(cores >= 2, "the test session has " + cores + " core(s)");
    assertEquals(cores, rows.rdd().getNumPartitions());
    List<Integer> perTask = rows.javaRDD().glom().map(List::size).collect();
    assertTrue(perTask.stream().allMatch(n -> n > 0), "every task gets rows: " + perTask);
    assertEquals(40, rows.count());
  }

  @Test
  void filesWithARowGroupPerCoreAreReadAsTheyAre() {
    WaveFixture fixture = fixture(40);
    Path input = fixture.write(TestSpark.tempDir("row-group-per-core"));
    // A second file with the same columns gives a second row group.
    Path dir = input.resolve("employee").resolve("wave=" + WAVE);
    fixture.responses("employee").coalesce(1).write().mode("append").parquet(dir.toString());
    // The footers give schemas and row groups on the driver: opening the files starts no Spark job.
    spark.sparkContext().setJobGroup("open-files", "ResponseReaderTest", false);
    Dataset<Row> rows;
    try {
      rows = read(fixture, input);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
    assertEquals(0, TestSpark.jobsOf("open-files"));

    assertFalse(rows.queryExecution().executedPlan().toString().contains("Exchange"),
        "no shuffle before validation: " + rows.queryExecution().executedPlan());
    assertEquals(80, rows.count());
  }

  private Dataset<Row> read(WaveFixture fixture, Path input) {
    return new ResponseReader(spark, fixture.contract("employee"))
        .read(new InputLayout(input.toString()).responses("employee", WAVE)).rows();
  }

  private WaveFixture fixture(int respondents) {
    WaveFixture fixture = new WaveFixture(spark, config, WAVE);
    for (int i = 0; i < respondents; i++) {
      fixture.respondent("employee", 1000 + i, List.of("C", "84", "small", "private", "office", "specialist"),
          Map.of());
      fixture.respondent("employer", 1000 + i, List.of("C", "84", "small", "private"), Map.of());
    }
    return fixture;
  }
}

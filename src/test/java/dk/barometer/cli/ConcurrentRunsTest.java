package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.BarometerConfig;
import dk.barometer.testing.ChildJvm;
import dk.barometer.testing.ConsistentWave;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Two runs of one wave started together into one new warehouse, each in its own JVM as a scheduler would start
 * them: one takes the wave's lease and writes it, the other stops at once (exit 6) naming the first, and every table
 * holds the rows of one run.
 */
class ConcurrentRunsTest {
  private static final int WAVE = 2025;
  private static final List<Table> DATA_TABLES = List.of(Table.RESPONSES_EMPLOYEE, Table.RESPONSES_EMPLOYER,
      Table.WEIGHTS, Table.WEIGHT_DIAGNOSTICS, Table.INDICATORS);

  private final SparkSession spark = TestSpark.spark();
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());

  private record Child(Process process, Path log) {}

  @Test
  void ofTwoRunsOfAWaveStartedTogetherOneWritesAndTheOtherStopsNamingIt() throws Exception {
    Path input = ConsistentWave.fixture(spark, config, WAVE).write(TestSpark.tempDir("input"));
    Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("warehouse").toString());
    Path conf = TestSpark.copyOfConf();
    Files.writeString(conf.resolve("environments/concurrent-test.yaml"), String.format("""
        warehouse: %s
        input: %s
        pseudonym_key: file:%s
        spark: {spark.sql.shuffle.partitions: 1, spark.databricks.delta.snapshotPartitions: 1}
        """, warehouse.root(), input, TestKeys.file()));
    Path logs = TestSpark.tempDir("concurrent-runs");

    List<Child> children = new ArrayList<>();
    try {
      for (String name : List.of("a", "b")) {
        Path log = logs.resolve(name + ".log");
        children.add(new Child(ChildJvm.java(ChildJvm.testClassPath(), List.of("-Xmx1g",
                "-Dbarometer.home=" + TestSpark.confDir().getParent(),
                "-Dlog4j2.configurationFile=" + TestSpark.confDir().resolve("log4j2.properties")),
            "dk.barometer.cli.Main", List.of("run", "--wave", String.valueOf(WAVE), "--conf", conf.toString(),
                "--env", "concurrent-test"), log).start(), log));
      }
      for (Child child : children) {
        assertThat(child.process().waitFor(10, TimeUnit.MINUTES)).as("run ended").isTrue();
      }
    } finally {
      children.forEach(child -> child.process().destroyForcibly());
    }

    List<Integer> exits = children.stream().map(child -> child.process().exitValue()).toList();
    String outputs = children.stream().map(child -> child.log() + ":\n" + ChildJvm.tail(child.log(), 30)).toList()
        .toString();
    assertThat(exits).as(outputs).containsExactlyInAnyOrder(0, 6);
    Child refused = children.get(exits.indexOf(6));
    String refusal = Files.readString(refused.log());

    List<Row> succeeded = warehouse.read(Table.RUNS).where("status = 'succeeded'").collectAsList();
    assertThat(succeeded).hasSize(1);
    String winner = succeeded.get(0).getAs("run_id");
    assertThat(refusal).contains("error: Wave " + WAVE + " is being run by run " + winner + ", started "
        + succeeded.get(0).<java.sql.Timestamp>getAs("started_at").toInstant().toString().substring(0, 19));
    // It stopped at once: before reading any input.
    assertThat(refusal).doesNotContain("stage register");

    for (Table table : DATA_TABLES) {
      assertThat(warehouse.read(table).select("run_id").distinct().as(Encoders.STRING()).collectAsList())
          .as("%s", table).containsExactly(winner);
    }
    // The runs log: the winner started and succeeded; the refused run has its failed row only, nothing started.
    assertThat(warehouse.read(Table.RUNS).where("run_id = '" + winner + "'").select("status")
        .as(Encoders.STRING()).collectAsList()).containsExactlyInAnyOrder("started", "succeeded");
    List<Row> others = warehouse.read(Table.RUNS).where("run_id <> '" + winner + "'").collectAsList();
    assertThat(others).singleElement().satisfies(row -> {
      assertThat(row.<String>getAs("status")).isEqualTo("failed");
      assertThat(row.<String>getAs("message")).contains("is being run by run " + winner);
      assertThat(row.<scala.collection.Map<String, Long>>getAs("table_versions").isEmpty()).isTrue();
    });
    // And the lease is released: the wave can be run again.
    assertThat(spark.read().format("delta").load(warehouse.path(Table.LEASES)).count()).isZero();
  }
}

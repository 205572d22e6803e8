package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dk.barometer.config.BarometerConfig;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.testing.ChildJvm;
import dk.barometer.testing.ConsistentWarehouse;
import dk.barometer.testing.DeltaCommits;
import dk.barometer.testing.TableChecksum;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A run killed (SIGKILL) in the middle of its writes: it cannot record its own end. Delta commits each table
 * atomically, so every table is readable at its earlier version, and the tables the run had already written are
 * readable at its new one; the runs table shows the run as started, and the next run records it as failed.
 */
class KilledRunTest {
  private static final int WAVE = ConsistentWarehouse.WAVE;
  private static final List<Table> DATA_TABLES = List.of(Table.RESPONSES_EMPLOYEE, Table.RESPONSES_EMPLOYER,
      Table.WEIGHTS, Table.WEIGHT_DIAGNOSTICS, Table.REJECTS, Table.INDICATORS);

  private final SparkSession spark = TestSpark.spark();
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());

  @Test
  void aRunKilledWhileWritingLeavesEveryEarlierVersionReadableAndIsRecordedAsFailed() throws Exception {
    // A good run of the wave: a copy of the shared one, which the killed and the next run write into.
    Path input = ConsistentWarehouse.input();
    Warehouse warehouse = ConsistentWarehouse.copy();
    String goodRun = ConsistentWarehouse.runId();
    Map<Table, Long> earlier = new EnumMap<>(Table.class);
    Map<Table, String> contents = new EnumMap<>(Table.class);
    for (Table table : DATA_TABLES) {
      earlier.put(table, DeltaCommits.latest(warehouse.path(table)));
      contents.put(table, TableChecksum.of(warehouse.read(table)));
    }

    // The same run in a child JVM, killed as soon as its first table commit (responses_employee) appears. Its
    // input, warehouse and pseudonym key come from an environment profile, with the test session's small-data Spark
    // settings.
    Path conf = TestSpark.copyOfConf();
    Files.writeString(conf.resolve("environments/kill-test.yaml"), String.format("""
        warehouse: %s
        input: %s
        spark: {spark.sql.shuffle.partitions: 1, spark.databricks.delta.snapshotPartitions: 1}
        pseudonym_key: file:%s
        """, warehouse.root(), input, TestKeys.file()));
    Path log = TestSpark.tempDir("killed-run").resolve("run.log");
    Process child = ChildJvm.java(ChildJvm.testClassPath(), List.of("-Xmx1g",
            "-Dbarometer.home=" + TestSpark.confDir().getParent(),
            "-Dlog4j2.configurationFile=" + TestSpark.confDir().resolve("log4j2.properties")),
        "dk.barometer.cli.Main", List.of("run", "--wave", String.valueOf(WAVE), "--conf", conf.toString(),
            "--env", "kill-test"), log).start();
    try {
      long deadline = System.nanoTime() + 240_000_000_000L;
      while (DeltaCommits.latest(warehouse.path(Table.RESPONSES_EMPLOYEE)) == earlier.get(Table.RESPONSES_EMPLOYEE)) {
        if (!child.isAlive() || System.nanoTime() > deadline) {
          fail("The child run ended (exit %s) or timed out before its first commit:%n%s",
              child.isAlive() ? "none" : child.exitValue(), ChildJvm.tail(log, 40));
        }
        Thread.sleep(20);
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no final runs row
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }

    // The kill came while the later tables were still unwritten (each write takes about a second).
    assertThat(DeltaCommits.latest(warehouse.path(Table.RESPONSES_EMPLOYEE)))
        .isEqualTo(earlier.get(Table.RESPONSES_EMPLOYEE) + 1);
    assertThat(DeltaCommits.latest(warehouse.path(Table.INDICATORS))).as("indicators written before the kill")
        .isEqualTo(earlier.get(Table.INDICATORS));
    for (Table table : DATA_TABLES) {
      assertThat(TableChecksum.of(warehouse.read(table, earlier.get(table)))).as("%s at its earlier version", table)
          .isEqualTo(contents.get(table));
      warehouse.read(table).count(); // the latest version is readable too, whichever run wrote it
    }
    // Which run's rows each table holds: the killed run's for the tables it reached, the good run's for the others.
    String killedRun = warehouse.read(Table.RUNS).where("status = 'started'").where("run_id <> '" + goodRun + "'")
        .select("run_id").as(Encoders.STRING()).first();
    assertThat(runIds(warehouse, Table.RESPONSES_EMPLOYEE)).containsExactly(killedRun);
    assertThat(runIds(warehouse, Table.INDICATORS)).containsExactly(goodRun);
    assertThat(statuses(warehouse, killedRun)).containsExactly("started");

    // The next run records the killed one as failed (interrupted), then replaces the wave in every table.
    String nextRun = new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey())
        .run(WAVE, input.toString()).record().runId();
    assertThat(statuses(warehouse, killedRun)).containsExactlyInAnyOrder("started", "failed");
    Row failed = warehouse.read(Table.RUNS).where("run_id = '" + killedRun + "' AND status = 'failed'").first();
    assertThat(failed.<String>getAs("message")).startsWith("interrupted: the run (started ")
        .contains(killedRun);
    for (Table table : DATA_TABLES) {
      // (This wave has no rejected rows: rejects holds none of its rows, from any run.)
      assertThat(runIds(warehouse, table)).as("%s", table).isSubsetOf(nextRun)
          .hasSize(table == Table.REJECTS ? 0 : 1);
    }
  }

  private static List<String> runIds(Warehouse warehouse, Table table) {
    return warehouse.read(table).where("wave = " + WAVE).select("run_id").distinct().as(Encoders.STRING())
        .collectAsList();
  }

  private static List<String> statuses(Warehouse warehouse, String runId) {
    return warehouse.read(Table.RUNS).where("run_id = '" + runId + "'").select("status").as(Encoders.STRING())
        .collectAsList();
  }
}

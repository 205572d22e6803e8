package dk.barometer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dk.barometer.config.BarometerConfig;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.testing.ChildJvm;
import dk.barometer.testing.ConsistentWave;
import dk.barometer.testing.TableComparison;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cluster jar as a cluster runs it: a Spark standalone master and two workers on loopback, each its own JVM,
 * and {@code target/barometer-spark-submit.jar} submitted to them through {@code SparkSubmit} (the class behind
 * spark-submit), client mode. The "Spark distribution" is the Maven build's Spark jars (target/lib without Delta
 * and the YAML parser), so the driver and the executors find our classes, Delta and SnakeYAML only in the shaded
 * jar. Tasks run in executor JVMs, so a closure that does not serialise or state kept on the driver fails here;
 * the tables must equal those of a local-mode run of the same input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT {
  private static final int WAVE = 2025;
  /**
   * The cluster's values against the local run's, relative (plus 1e-10 for values that are 0 but for rounding): the
   * two add in different orders, which moves a small domain's variance in its 10th significant digit now and then
   * ({@link TableComparison}).
   */
  private static final double SIGNIFICANT = 1e-8;
  private static final List<Table> DATA_TABLES = List.of(Table.RESPONSES_EMPLOYER, Table.RESPONSES_EMPLOYEE,
      Table.WEIGHTS, Table.WEIGHT_DIAGNOSTICS, Table.REJECTS, Table.INDICATORS);
  private static final Path TARGET = Path.of(System.getProperty("barometer.home", ".")).resolve("target")
      .toAbsolutePath();

  private final List<Process> processes = new ArrayList<>();
  private Path sparkHome;
  private Path logs;
  private String masterUrl;
  private final List<Path> workerDirs = new ArrayList<>();

  @BeforeAll
  void startMasterAndTwoWorkers() throws Exception {
    sparkHome = sparkDistribution();
    logs = TestSpark.tempDir("cluster-logs");
    int port = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    Path masterLog = logs.resolve("master.log");
    start(List.of("-Xmx256m"), "org.apache.spark.deploy.master.Master", List.of("--host", "127.0.0.1",
        "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())), masterLog);
    awaitLine(masterLog, "I have been elected leader", 1);
    for (int i = 0; i < 2; i++) {
      Path workDir = TestSpark.tempDir("worker" + i);
      workerDirs.add(workDir);
      start(List.of("-Xmx256m"), "org.apache.spark.deploy.worker.Worker", List.of("--host", "127.0.0.1",
          "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()), "--cores", "1",
          "--memory", "1g", "--work-dir", workDir.toString(), masterUrl), logs.resolve("worker" + i + ".log"));
    }
    awaitLine(masterLog, "Registering worker", 2);
  }

  @AfterAll
  void stopCluster() {
    processes.forEach(Process::destroyForcibly);
    for (Process p : processes) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void theSubmittedJarWritesTheTablesOfALocalRun() throws Exception {
    SparkSession spark = TestSpark.spark();
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    Path input = ConsistentWave.fixture(spark, config, WAVE).write(TestSpark.tempDir("input"));
    Warehouse local = new Warehouse(spark, TestSpark.tempDir("warehouse-local").toString());
    new WaveRun(spark, config, local, TestKeys.pseudonymKey()).run(WAVE, input.toString());

    Warehouse cluster = new Warehouse(spark, TestSpark.tempDir("warehouse-cluster").toString());
    Path submitLog = logs.resolve("submit.log");
    List<String> submit = List.of("--master", masterUrl, "--deploy-mode", "client",
        "--class", "dk.barometer.cli.Main",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.memory=512m", "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
        "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", ChildJvm.sparkJvmFlags()),
        "--conf", "spark.sql.shuffle.partitions=4", "--conf", "spark.ui.enabled=false",
        TARGET.resolve("barometer-spark-submit.jar").toString(),
        "run", "--wave", String.valueOf(WAVE), "--input", input.toString(), "--warehouse", cluster.root(),
        "--conf", TestSpark.confDir().toString());
    Process driver = start(List.of("-Xmx1g"), "org.apache.spark.deploy.SparkSubmit", submit, submitLog);
    if (!driver.waitFor(300, TimeUnit.SECONDS)) {
      fail("spark-submit did not finish in 5 minutes:%n%s", ChildJvm.tail(submitLog, 60));
    }
    assertThat(driver.exitValue()).as("spark-submit exit code; log:%n%s", ChildJvm.tail(submitLog, 60)).isZero();

    // Both workers ran an executor of the application (each keeps its stderr under work-dir/app-*/N/).
    for (Path workDir : workerDirs) {
      try (Stream<Path> apps = Files.list(workDir)) {
        assertThat(apps.filter(p -> p.getFileName().toString().startsWith("app-")).count())
            .as("applications in %s", workDir).isEqualTo(1);
      }
    }
    for (Table table : DATA_TABLES) {
      TableComparison.assertSameRows(table + ", cluster against local", cluster.read(table).drop("run_id"),
          local.read(table).drop("run_id"), SIGNIFICANT);
    }
  }

  /** SPARK_HOME with jars/: Spark and its dependencies from target/lib, without Delta and SnakeYAML. */
  private static Path sparkDistribution() throws IOException {
    Path home = TestSpark.tempDir("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> lib = Files.list(TARGET.resolve("lib"))) {
      for (Path jar : lib.toList()) {
        String name = jar.getFileName().toString();
        if (!name.startsWith("delta-") && !name.startsWith("snakeyaml-")) {
          Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
        }
      }
    }
    return home;
  }

  private Process start(List<String> options, String mainClass, List<String> args, Path log) throws IOException {
    ProcessBuilder builder = ChildJvm.java(sparkHome.resolve("jars").toString() + "/*", options, mainClass, args,
        log);
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("BAROMETER_PSEUDONYM_KEY", TestKeys.TEXT); // the local run's key
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private void awaitLine(Path log, String text, int times) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() >= times) {
        return;
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          fail("A cluster process exited (%s); %s:%n%s", p.exitValue(), log, ChildJvm.tail(log, 40));
        }
      }
      Thread.sleep(200);
    }
    fail("No '%s' in %s within 2 minutes:%n%s", text, log, ChildJvm.tail(log, 40));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

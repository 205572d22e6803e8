package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dk.barometer.BarometerException.Kind;
import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.testing.ConsistentWarehouse;
import dk.barometer.testing.ConsistentWave;
import dk.barometer.testing.DeltaCommits;
import dk.barometer.testing.ReadOnlyFiles;
import dk.barometer.testing.TableChecksum;
import dk.barometer.testing.TestFiles;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import dk.barometer.testing.WaveFixture;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bad-input suite: one test per fault that stops a run. A stopping fault ends the run with a
 * message naming the file, column or cell, and its exit code; every table stays at the Delta version of the last
 * good run, readable with the same contents, and the run is recorded as failed in {@code runs}. These tests share
 * one warehouse holding a good run of the wave, which none of them may change.
 *
 * <p>Faults that reject rows instead are in {@link WaveRunTest#faultyRowsGoToRejectsWithTheirReasonAndFile}:
 * unknown answer code, duplicate respondent id (every copy), wave mismatch, a column of the wrong type (text
 * where an answer code belongs), unknown classification code, missing id, unrouted answer; that test also checks
 * rows in = accepted + rejected in {@code runs} (the job's own check: {@code RowAccountTest}). A run killed in the
 * middle of its writes: {@link KilledRunTest}. A non-integer answer that routes other questions is one reject, not
 * one per routed question: {@link #aNonIntegerAnswerThatRoutesOthersIsOneReject}, in a warehouse of its own.
 * Faults found before anything is written leave a new warehouse without data tables:
 * {@link WaveRunTest#fileLevelFaultsStopTheRunAndWriteNothing}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final int WAVE = ConsistentWarehouse.WAVE;
  private static final List<Table> DATA_TABLES = List.of(Table.RESPONSES_EMPLOYER, Table.RESPONSES_EMPLOYEE,
      Table.WEIGHTS, Table.WEIGHT_DIAGNOSTICS, Table.REJECTS, Table.INDICATORS, Table.COMPARISONS);

  private final SparkSession spark = TestSpark.spark();
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
  private Warehouse warehouse;
  private final Map<Table, Long> goodVersions = new EnumMap<>(Table.class);
  private String goodIndicators;
  private Path goodInput;

  /** The good run, in a copy of the shared warehouse: the failed runs of these tests are recorded in it. */
  @BeforeAll
  void aGoodRunOfTheWave() {
    goodInput = ConsistentWarehouse.input();
    warehouse = ConsistentWarehouse.copy();
    for (Table table : DATA_TABLES) {
      goodVersions.put(table, latestCommit(warehouse, table));
    }
    goodIndicators = TableChecksum.of(warehouse.read(Table.INDICATORS));
  }

  private WaveFixture fixture() {
    return ConsistentWave.fixture(spark, config, WAVE);
  }

  /** A copy of the good wave's input, broken by {@code breakIt}. */
  private Path input(Consumer<Path> breakIt) {
    Path input = TestFiles.copyTree(goodInput, TestSpark.tempDir("input"));
    breakIt.accept(input);
    return input;
  }

  private static long latestCommit(Warehouse warehouse, Table table) {
    return DeltaCommits.latest(warehouse.path(table));
  }

  private static String employer(Path input) {
    return input.resolve("employer/wave=2025").toString();
  }

  private static String register(Path input) {
    return input.resolve("register/year=2025").toString();
  }

  /** The good input without the register count of {@code category} of {@code variable} of the firms. */
  private Path withoutFirms(String variable, String category) {
    return input(in -> fixture().register().where(String.format("NOT (population = 'firms' AND variable = '%s' "
        + "AND category = '%s')", variable, category)).coalesce(1).write().mode("overwrite").parquet(register(in)));
  }

  @Test
  void missingFile() {
    assertStops(input(in -> TestFiles.deleteTree(in.resolve("employee"))), Kind.BAD_INPUT, "employee/wave=2025",
        "does not exist");
    assertStops(input(in -> TestFiles.deleteTree(in.resolve("employer/wave=2025").toFile().listFiles(
        f -> f.getName().endsWith(".parquet"))[0].toPath())), Kind.BAD_INPUT, "holds no .parquet files");
  }

  @Test
  void emptyFile() {
    assertStops(input(in -> fixture().responses("employer").where("false").coalesce(1).write().mode("overwrite")
        .parquet(employer(in))), Kind.BAD_INPUT, "has no rows");
  }

  @Test
  void corruptParquet() {
    assertStops(input(in -> TestFiles.writeString(in.resolve("employer/wave=2025/part-zz.parquet"),
            "PAR1 not parquet")),
        Kind.BAD_INPUT, "part-zz.parquet", "not a readable Parquet file");
  }

  @Test
  void extraColumn() {
    assertStops(input(in -> fixture().responses("employer").withColumn("q_new", lit(1)).coalesce(1).write()
        .mode("overwrite").parquet(employer(in))), Kind.BAD_INPUT, "[q_new] are not in codebook");
  }

  @Test
  void missingColumn() {
    assertStops(input(in -> fixture().responses("employer").drop("ai_maturity").coalesce(1).write()
        .mode("overwrite").parquet(employer(in))), Kind.BAD_INPUT, "missing column(s) [ai_maturity]");
  }

  @Test
  void renamedColumn() {
    assertStops(input(in -> fixture().responses("employer").withColumnRenamed("ai_maturity", "maturity")
            .coalesce(1).write().mode("overwrite").parquet(employer(in))), Kind.BAD_INPUT,
        "[ai_maturity] are missing and column(s) [maturity] are not in the input contract; were they renamed?");
  }

  @Test
  void wrongColumnTypeThatCannotHoldAnAnswer() {
    // A nested column cannot be read as a code at all: the file stops the run. (A scalar of the wrong type is
    // read as text and its rows rejected: see WaveRunTest.faultyRowsGoToRejectsWithTheirReasonAndFile.)
    assertStops(input(in -> fixture().responses("employer").withColumn("ai_maturity", struct(col("ai_maturity")))
        .coalesce(1).write().mode("overwrite").parquet(employer(in))), Kind.BAD_INPUT,
        "column 'ai_maturity' has type struct<ai_maturity:int>");
  }

  @Test
  void registerMarginsMissingACategory() {
    // The register has no 'large' stratum, which four firms were sampled from: their design weight is unknown.
    assertStops(withoutFirms("stratum", "large"), Kind.WEIGHTING,
        "in sampling stratum 'large', which the register does not have");
  }

  @Test
  void zeroOrNegativeRegisterCount() {
    for (double count : new double[] {0, -5}) {
      WaveFixture f = fixture();
      f.count("firms", "industry", "A", count);
      assertStops(input(in -> f.register().coalesce(1).write().mode("overwrite").parquet(register(in))),
          Kind.BAD_INPUT, "firms / industry = A is " + count + "; counts must be positive");
    }
  }

  @Test
  void aRegisterStratumWithoutRespondents() {
    // A register stratum without respondents has no design weight.
    WaveFixture f = fixture();
    f.count("firms", "stratum", "medium", 50);
    assertStops(input(in -> f.register().coalesce(1).write().mode("overwrite").parquet(register(in))),
        Kind.WEIGHTING, "register stratum 'medium' has 50 units but no valid respondent");
  }

  @Test
  void respondentsInACategoryTheRegisterLacks() {
    Path input = withoutFirms("industry", "F");
    assertStops(input, Kind.WEIGHTING,
        "the register margin industry of firms has no count for industry = 'F' (4 respondent(s))", register(input));
  }

  @Test
  void aRegionMissingFromTheRegisterIsNamedWithItsRespondentsAndFile() {
    // The region counts lack 1082 and so sum to less than the industry counts; the message names the region, its
    // four firms and the register file rather than two totals.
    Path input = withoutFirms("region", "1082");
    assertStops(input, Kind.WEIGHTING, "the register margin region of firms has no count for region = '1082' "
        + "(4 respondent(s)); it counts [1084] (register file(s) ", parquetFile(Path.of(register(input))));
  }

  @Test
  void aStrayFileInAnInputDirectoryStopsTheRun() {
    // Spark's and Hadoop's markers and checksums beside the data are no delivery; the good run read past them.
    assertThat(Path.of(employer(goodInput)).resolve("_SUCCESS")).exists();
    assertStops(input(in -> {
      TestFiles.writeString(in.resolve("employer/wave=2025/.part-00000.parquet.crc"), "");
      TestFiles.writeString(in.resolve("employer/wave=2025/answers.csv"), "respondent_id\n1\n");
    }), Kind.BAD_INPUT, "answers.csv is not a .parquet file", "Remove it from the directory or move it elsewhere");
  }

  @Test
  void aNonIntegerAnswerThatRoutesOthersIsOneReject() {
    // A ninth firm whose maturity came as 2.5 in a second file, with every question routed on maturity answered:
    // one reject, for the maturity, and none for the 19 questions its routing cannot judge.
    List<String> routed = config.codebook(WAVE).survey("employer").questions().stream()
        .filter(q -> q.routingColumns().contains("ai_maturity")).map(q -> q.id()).toList();
    Path input = input(in -> {
      Dataset<Row> firm = fixture().responses("employer").where("respondent_id = 2")
          .withColumn("respondent_id", lit(109L)).withColumn("ai_maturity", lit(2.5));
      for (String q : routed) {
        firm = firm.withColumn(q, lit(3));
      }
      firm.coalesce(1).write().mode("append").parquet(employer(in));
    });
    Warehouse own = new Warehouse(spark, TestSpark.tempDir("warehouse").toString());
    new WaveRun(spark, config, own, TestKeys.pseudonymKey()).run(WAVE, input.toString());
    assertThat(own.read(Table.REJECTS).select(concat_ws("|", col("respondent_id"), col("column"), col("value"),
        col("reason"))).as(Encoders.STRING()).collectAsList())
        .containsExactly("109|ai_maturity|2.5|value is not an integer answer code");
    assertThat(own.read(Table.RESPONSES_EMPLOYER).count()).isEqualTo(8);
  }

  @Test
  void rakingThatCannotConverge() throws IOException {
    // Register totals the design weights miss (as in WaveRunTest.weightsReproduceEveryRegisterMargin), with a
    // single raking iteration allowed: the second margin undoes part of the first.
    Path conf = TestSpark.copyOfConf("barometer.yaml", "max_iterations: 1000", "max_iterations: 1");
    // The employees' totals are the design-weighted ones: only the employer survey fails.
    WaveFixture skewed = ConsistentWave.skewedRegister(spark, config, WAVE, 500, 500);
    assertStops(input(in -> skewed.register().coalesce(1).write().mode("overwrite").parquet(register(in))),
        BarometerConfig.load(conf), Kind.WEIGHTING, "employer: raking failed to converge in 1 iterations");
  }

  /** Read-only tables refuse the run's writes (exit 6), at the first table or already at the wave's lease. */
  @Test
  void readOnlyWarehouse() {
    Path input = input(in -> { });
    // The data tables read-only, runs writable: the first data write fails and the run is recorded as failed.
    List<Path> dataTables = DATA_TABLES.stream().map(t -> Path.of(warehouse.path(t))).toList();
    try (ReadOnlyFiles readOnly = ReadOnlyFiles.of(dataTables)) {
      assumeThat(readOnly.effective()).as("this file system can make a directory read-only").isTrue();
      assertStops(input, config, Kind.WRITE, "Writing Delta table responses_employee",
          "the table keeps its previous version");
    }
    List<Row> last = warehouse.read(Table.RUNS).orderBy(desc("started_at")).limit(2).collectAsList();
    assertThat(last).extracting(r -> r.<String>getAs("status")).containsExactlyInAnyOrder("started", "failed");
    assertThat(last.get(0).<String>getAs("run_id")).isEqualTo(last.get(1).<String>getAs("run_id"));

    // The whole warehouse read-only: not even the wave's lease can be taken, so nothing is written; the failure
    // shows in the exit code and the log only.
    long runs = warehouse.read(Table.RUNS).count();
    try (ReadOnlyFiles readOnly = ReadOnlyFiles.of(List.of(Path.of(warehouse.root())))) {
      assertThatThrownBy(() -> new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey())
          .run(WAVE, input.toString()))
          .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(Kind.WRITE))
          .hasMessageContaining("Writing Delta table leases")
          .hasMessageContaining("Check that the warehouse is writable");
    }
    assertThat(warehouse.read(Table.RUNS).count()).isEqualTo(runs);
    for (Table table : DATA_TABLES) {
      assertThat(latestCommit(warehouse, table)).as("%s version", table).isEqualTo(goodVersions.get(table));
    }
  }

  private void assertStops(Path input, Kind kind, String... messageParts) {
    assertStops(input, config, kind, messageParts);
  }

  /**
   * The run stops with {@code kind} and a message holding {@code messageParts}; every table keeps the good run's
   * Delta version and contents, and {@code runs} gains one failed row with the message.
   */
  private void assertStops(Path input, BarometerConfig runConfig, Kind kind, String... messageParts) {
    long failed = warehouse.read(Table.RUNS).where("status = 'failed'").count();
    assertThatThrownBy(() -> new WaveRun(spark, runConfig, warehouse, TestKeys.pseudonymKey())
        .run(WAVE, input.toString()))
        .isInstanceOf(BarometerException.class)
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(kind))
        .message().contains(messageParts);
    for (Table table : DATA_TABLES) {
      assertThat(latestCommit(warehouse, table)).as("%s version", table).isEqualTo(goodVersions.get(table));
    }
    assertThat(TableChecksum.of(warehouse.read(Table.INDICATORS, goodVersions.get(Table.INDICATORS))))
        .isEqualTo(goodIndicators);
    Dataset<Row> runs = warehouse.read(Table.RUNS);
    assertThat(runs.where("status = 'failed'").count()).isEqualTo(failed + 1);
    assertThat(runs.where("status = 'failed'").orderBy(desc("finished_at")).first().<String>getAs("message"))
        .contains(messageParts[0]);
  }

  /** The one Parquet file of {@code dir}, as the run names it. */
  private static String parquetFile(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow()
          .getFileName().toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.testing.ConsistentWarehouse;
import dk.barometer.testing.ConsistentWave;
import dk.barometer.testing.DataFrameAssert;
import dk.barometer.testing.TableChecksum;
import dk.barometer.testing.TestFiles;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import dk.barometer.testing.WaveFixture;
import dk.barometer.warehouse.RunRecord;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class WaveRunTest {
  private static final int WAVE = 2025;
  private final SparkSession spark = TestSpark.spark();
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());

  /** Eight firms and four employees whose estimates can be computed by hand: see {@link ConsistentWave}. */
  private WaveFixture consistentWave() {
    return ConsistentWave.fixture(spark, config, WAVE);
  }

  private Warehouse warehouse() {
    return new Warehouse(spark, TestSpark.tempDir("warehouse").toString());
  }

  /** An indicator that only conf/ defines, added to the two-wave configuration. */
  private static final String USES_AI_REGULARLY = """

        - id: uses_ai_regularly
          survey: employee
          type: share
          question: ai_use
          success: [3, 4]
          da: Bruger AI fast
          en: Uses AI regularly
          domains: [total, sector]
      """;

  /**
   * The warehouse that several tests read, and what its runs left to compare with: the two-wave configuration with
   * {@link #USES_AI_REGULARLY}; the consistent wave as the input of both waves, 2025's employers with rejects beside
   * them; wave 2026 run, then 2025 twice on the same input and configuration.
   */
  private record TwoWaves(BarometerConfig config, Path input, Warehouse warehouse, long rows2026,
                          List<String> files2026, String firstRun, Map<Table, String> firstContents,
                          RunRecord second) {}

  /** Built once for the class (a wave run costs seconds); tests must not write into its input or warehouse. */
  private static TwoWaves twoWaves;

  private TwoWaves twoWaves() throws IOException {
    if (twoWaves != null) {
      return twoWaves;
    }
    Path conf = twoWaveConf();
    Files.writeString(conf.resolve("indicators.yaml"), Files.readString(conf.resolve("indicators.yaml"))
        + USES_AI_REGULARLY);
    BarometerConfig twoWaveConfig = BarometerConfig.load(conf);
    Path input = TestSpark.tempDir("input");
    consistentWave().write(input);
    for (String survey : List.of("employer", "employee")) {
      consistentWave().responses(survey).withColumn("wave", lit(2026)).write()
          .parquet(input.resolve(survey + "/wave=2026").toString());
    }
    // 2025 rejects: a duplicated id, a missing one, and in a file of its own, ids delivered as text.
    Dataset<Row> template = consistentWave().responses("employer").where("respondent_id = 1");
    template.withColumn("respondent_id", lit(106L)).unionByName(template.withColumn("respondent_id", lit(106L)))
        .unionByName(template.withColumn("respondent_id", lit(null).cast("bigint"))).coalesce(1).write()
        .mode("append").parquet(input.resolve("employer/wave=2025").toString());
    template.withColumn("respondent_id", lit("0107")).withColumn("wave", lit(2024))
        .unionByName(template.withColumn("respondent_id", lit("x7"))).coalesce(1).write().mode("append")
        .parquet(input.resolve("employer/wave=2025").toString());

    Warehouse warehouse = warehouse();
    WaveRun run = new WaveRun(spark, twoWaveConfig, warehouse, TestKeys.pseudonymKey());
    run.run(2026, input.toString());
    long rows2026 = table(warehouse, Table.INDICATORS).where("wave = 2026").count();
    List<String> files2026 = indicatorFiles(warehouse, 2026);
    String first = run.run(WAVE, input.toString()).record().runId();
    Map<Table, String> firstContents = contents(warehouse, WAVE);
    RunRecord second = run.run(WAVE, input.toString()).record();
    twoWaves = new TwoWaves(twoWaveConfig, input, warehouse, rows2026, files2026, first, firstContents, second);
    return twoWaves;
  }

  private Dataset<Row> table(Warehouse warehouse, Table table) {
    return spark.read().format("delta").load(warehouse.path(table));
  }

  @Test
  void estimatesEqualTheHandCalculation() {
    Warehouse warehouse = ConsistentWarehouse.shared();

    Dataset<Row> indicators = table(warehouse, Table.INDICATORS).where("survey = 'employer'")
        .select("indicator_id", "domain", "domain_value", "category", "estimate", "unweighted_estimate",
            "base_weighted", "base_n");
    // uses AI, all firms: firm 8 answered 'Ved ikke' and leaves the base.
    // base = 4 * 250 + 3 * 5 = 1015; uses AI (codes 2-5) = firms 2, 4 (250 each) + 5, 6, 7 (5 each) = 515.
    DataFrameAssert.assertRowsEqual(indicators.where("indicator_id = 'uses_ai' AND domain = 'total'"),
        List.of(List.of("uses_ai", "total", "all", "yes", 515.0 / 1015, 5.0 / 7, 1015.0, 7L)), 1e-12);
    // Public firms: firm 6 (code 2) only, firm 8 is 'Ved ikke'.
    DataFrameAssert.assertRowsEqual(indicators.where("indicator_id = 'uses_ai' AND domain = 'sector' "
        + "AND domain_value = 'public'"), List.of(List.of("uses_ai", "sector", "public", "yes", 1.0, 1.0, 5.0, 1L)),
        1e-12);
    // Maturity distribution, all firms: step 1 = firms 1, 3 = 500; step 2 = 2, 6 = 255; step 3 = 250;
    // steps 4 and 5 = 5 each.
    DataFrameAssert.assertRowsEqual(indicators.where("indicator_id = 'maturity' AND domain = 'total'"), List.of(
        List.of("maturity", "total", "all", "1", 500.0 / 1015, 2.0 / 7, 1015.0, 7L),
        List.of("maturity", "total", "all", "2", 255.0 / 1015, 2.0 / 7, 1015.0, 7L),
        List.of("maturity", "total", "all", "3", 250.0 / 1015, 1.0 / 7, 1015.0, 7L),
        List.of("maturity", "total", "all", "4", 5.0 / 1015, 1.0 / 7, 1015.0, 7L),
        List.of("maturity", "total", "all", "5", 5.0 / 1015, 1.0 / 7, 1015.0, 7L)), 1e-12);
    // 50+ employees by sector: large firms only; private = firms 5, 7 (both implemented).
    DataFrameAssert.assertRowsEqual(indicators.where("indicator_id = 'implemented' AND domain = 'sector_50plus'"),
        List.of(List.of("implemented", "sector_50plus", "private", "yes", 1.0, 1.0, 10.0, 2L),
            List.of("implemented", "sector_50plus", "public", "yes", 0.0, 0.0, 5.0, 1L)), 1e-12);
    // The comparison of the sectors rests on the same estimates and standard errors as the indicators; public
    // firms: firm 6 only, code 2, not implemented.
    Row implemented = table(warehouse, Table.COMPARISONS)
        .where("comparison_id = 'implemented_private_public' AND survey = 'employer'").first();
    Row privateFirms = table(warehouse, Table.INDICATORS).where("indicator_id = 'implemented' AND survey = "
        + "'employer' AND domain = 'sector' AND domain_value = 'private'").first();
    assertThat(implemented.<Double>getAs("estimate_first")).isCloseTo(privateFirms.getAs("estimate"), within(1e-12));
    assertThat(implemented.<Double>getAs("se_first")).isCloseTo(privateFirms.getAs("se"), within(1e-12));
    assertThat(implemented.<Double>getAs("estimate_second")).isZero();
    assertThat(implemented.<Double>getAs("difference")).isCloseTo(privateFirms.getAs("estimate"), within(1e-12));
    // A ratio to 0 is not estimated.
    assertThat(implemented.<Double>getAs("ratio")).isNull();
    assertThat(implemented.<String>getAs("reliability")).isEqualTo("suppressed");
    assertThat(table(warehouse, Table.WEIGHTS).where("survey = 'employer' AND respondent_id = 1")
        .select("weight").first().getDouble(0)).isCloseTo(250.0, within(1e-9));

    // Every estimate of this tiny wave rests on fewer than 30 respondents: stored, but flagged suppressed.
    assertThat(table(warehouse, Table.INDICATORS).where("reliability <> 'suppressed' OR estimate IS NULL").count())
        .isZero();

    // Employer weights: four of 250, four of 5. Median (R convention) = (5 + 250) / 2; Kish deff =
    // n sum(w^2) / (sum w)^2 = 8 * (4 * 250^2 + 4 * 5^2) / 1020^2.
    Row diagnostics = table(warehouse, Table.WEIGHT_DIAGNOSTICS).where("survey = 'employer'").first();
    double deff = 8 * (4 * 250.0 * 250 + 4 * 25.0) / (1020.0 * 1020);
    assertThat(diagnostics.<Double>getAs("min_weight")).isCloseTo(5.0, within(1e-9));
    assertThat(diagnostics.<Double>getAs("max_weight")).isCloseTo(250.0, within(1e-9));
    assertThat(diagnostics.<Double>getAs("median_weight")).isCloseTo(127.5, within(1e-9));
    assertThat(diagnostics.<Double>getAs("ratio_max_min")).isCloseTo(50.0, within(1e-9));
    assertThat(diagnostics.<Double>getAs("kish_deff")).isCloseTo(deff, within(1e-12));
    assertThat(diagnostics.<Double>getAs("effective_n")).isCloseTo(8 / deff, within(1e-9));
    assertThat(diagnostics.<Long>getAs("respondents")).isEqualTo(8L);
    assertThat(diagnostics.<Long>getAs("trimmed")).isZero();

    // The responses tables keep file statistics on who answered, not on every answer; other tables on Delta's
    // default (their first 32 columns).
    assertThat(statsColumns(warehouse, Table.RESPONSES_EMPLOYER))
        .containsExactlyInAnyOrder("respondent_id", "industry", "region", "size_class", "sector", "stratum");
    assertThat(statsColumns(warehouse, Table.INDICATORS)).contains("indicator_id", "estimate");
  }

  /** The columns the first commit's file statistics give minimum values for. */
  private List<String> statsColumns(Warehouse warehouse, Table table) {
    return spark.read().json(warehouse.path(table) + "/_delta_log/00000000000000000000.json")
        .where("add IS NOT NULL").selectExpr("explode(json_object_keys(get_json_object(add.stats, '$.minValues')))")
        .distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void anEmptyRegisterCategoryStopsTheRunUnlessACollapseRuleMergesIt() throws IOException {
    WaveFixture f = consistentWave();
    // Industry A: 30 firms in the register, no respondent. The F total drops by 30 so the margins still agree.
    f.count("firms", "industry", "A", 30);
    Path input = f.write(TestSpark.tempDir("input"));
    Dataset<Row> register = f.register().where("NOT (population = 'firms' AND variable = 'industry' "
        + "AND category = 'F')").unionByName(f.register().where("population = 'firms' AND variable = 'industry' "
        + "AND category = 'F'").withColumn("count", lit(480.0)));
    register.coalesce(1).write().mode("overwrite").parquet(input.resolve("register/year=2025").toString());

    assertThatThrownBy(() -> new WaveRun(spark, config, warehouse(), TestKeys.pseudonymKey())
        .run(WAVE, input.toString()))
        .hasMessageContaining("industry = 'A' (30 units) has no respondents")
        .hasMessageContaining("surveys.employer.collapse");

    Warehouse warehouse = warehouse();
    new WaveRun(spark, collapsing("{industry: {A: F}}"), warehouse, TestKeys.pseudonymKey())
        .run(WAVE, input.toString());
    // A (30) merged into F (480): F is again 510 and the design weights stand.
    assertThat(table(warehouse, Table.WEIGHTS).where("survey = 'employer'").agg(sum("weight")).first()
        .getDouble(0)).isCloseTo(1020.0, within(1e-6));
    assertThat(table(warehouse, Table.WEIGHT_DIAGNOSTICS).where("survey = 'employer'").first()
        .<scala.collection.Seq<String>>getAs("collapsed").mkString()).isEqualTo("industry: A -> F");
  }

  @Test
  void weightsReproduceEveryRegisterMargin() {
    Path input = consistentWave().write(TestSpark.tempDir("input"));
    // Industry and region totals that the design weights miss, so raking has work to do.
    ConsistentWave.skewedRegister(spark, config, WAVE, 350, 450).register().coalesce(1).write().mode("overwrite")
        .parquet(input.resolve("register/year=2025").toString());

    Warehouse warehouse = warehouse();
    new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey()).run(WAVE, input.toString());

    Dataset<Row> weights = table(warehouse, Table.WEIGHTS);
    Map<String, Map<String, Double>> expected = Map.of(
        "employer", Map.of("industry/J", 515.0, "industry/F", 505.0, "region/1084", 512.0, "region/1082", 508.0,
            "size_class/micro", 1000.0, "size_class/large", 20.0),
        "employee", Map.of("industry/J", 350.0, "industry/F", 650.0, "region/1084", 450.0, "region/1082", 550.0,
            "size_class/micro", 300.0, "size_class/large", 700.0));
    for (String survey : expected.keySet()) {
      Dataset<Row> joined = weights.where(col("survey").equalTo(survey)).join(
          table(warehouse, Table.responses(survey)), "respondent_id");
      for (Map.Entry<String, Double> margin : expected.get(survey).entrySet()) {
        String[] vc = margin.getKey().split("/");
        double total = joined.where(col(vc[0]).equalTo(vc[1])).agg(sum("weight")).first().getDouble(0);
        assertThat(total).as("%s %s", survey, margin.getKey()).isCloseTo(margin.getValue(),
            within(1e-6 * 1020));
      }
    }
    // Every bootstrap replicate is raked to the same margins, beside the weight it was drawn from.
    Dataset<Row> replicates = table(warehouse, Table.REPLICATE_WEIGHTS);
    assertThat(replicates.count()).isEqualTo(weights.count());
    assertThat(replicates.select(org.apache.spark.sql.functions.size(col("replicate_weights"))).distinct()
        .as(org.apache.spark.sql.Encoders.INT()).collectAsList()).containsExactly(200);
    for (String survey : expected.keySet()) {
      Dataset<Row> perReplicate = replicates.where(col("survey").equalTo(survey))
          .join(table(warehouse, Table.responses(survey)), "respondent_id")
          .select(col("industry"), col("region"), col("size_class"),
              org.apache.spark.sql.functions.posexplode(col("replicate_weights")).as(new String[] {"r", "w"}));
      for (Map.Entry<String, Double> margin : expected.get(survey).entrySet()) {
        String[] vc = margin.getKey().split("/");
        List<Row> totals = perReplicate.where(col(vc[0]).equalTo(vc[1])).groupBy("r").agg(sum("w"))
            .collectAsList();
        assertThat(totals).hasSize(200).allSatisfy(t -> assertThat(t.getDouble(1)).as("%s %s replicate %s",
            survey, margin.getKey(), t.getInt(0) + 1).isCloseTo(margin.getValue(), within(1e-6 * 1020)));
      }
    }
  }

  /**
   * Reruns: wave 2026, then 2025 three times. The second 2025 run (same input and config) writes
   * the same contents as the first; the third, on a changed answer, new numbers, while Delta time travel to the
   * version the runs table names for the second still returns its numbers. The 2026 rows keep their data files.
   */
  @Test
  void rerunReplacesItsWaveAndLeavesOtherWavesAlone() throws IOException {
    TwoWaves waves = twoWaves();
    Warehouse shared = waves.warehouse();
    long rows2026 = waves.rows2026();
    Dataset<Row> indicators = table(shared, Table.INDICATORS);
    assertThat(indicators.where("wave = 2025").count()).isEqualTo(rows2026);
    assertThat(indicators.where("wave = 2026").count()).isEqualTo(rows2026);
    assertThat(indicators.groupBy("wave", "survey", "indicator_id", "domain", "domain_value", "category").count()
        .where("count > 1").count()).as("duplicate indicator rows").isZero();
    assertThat(table(shared, Table.WEIGHTS).where("wave = 2025").count()).isEqualTo(12);
    assertThat(table(shared, Table.RUNS).where("status = 'succeeded'").count()).isEqualTo(3);
    // Same input and config, same contents (run ids aside), table by table.
    assertThat(contents(shared, WAVE)).isEqualTo(waves.firstContents());
    RunRecord second = waves.second();
    assertThat(second.runId()).isNotEqualTo(waves.firstRun());
    // The 2026 rows are the very rows the 2026 run wrote: same files, same run id.
    assertThat(indicatorFiles(shared, 2026)).isEqualTo(waves.files2026());
    assertThat(indicators.where("wave = 2026").select("run_id").distinct().count()).isEqualTo(1);

    // A changed answer (firm 1 now uses AI: maturity 2), in copies of the input and the warehouse, a new run and new
    // numbers for 2025 ...
    Path input = TestFiles.copyTree(waves.input(), TestSpark.tempDir("input"));
    Warehouse warehouse = new Warehouse(spark, TestFiles.copyTree(Path.of(shared.root()),
        TestSpark.tempDir("warehouse")).toString());
    consistentWave().responses("employer").withColumn("ai_maturity", when(col("respondent_id").equalTo(1), 2)
            .otherwise(col("ai_maturity"))).coalesce(1).write().mode("overwrite")
        .parquet(input.resolve("employer/wave=2025").toString());
    new WaveRun(spark, waves.config(), warehouse, TestKeys.pseudonymKey()).run(WAVE, input.toString());
    String usesAi = "wave = 2025 AND survey = 'employer' AND indicator_id = 'uses_ai' AND domain = 'total'";
    // uses AI: 515 + 250 (firm 1) of 1015.
    assertThat(table(warehouse, Table.INDICATORS).where(usesAi).first().<Double>getAs("estimate"))
        .isCloseTo(765.0 / 1015, within(1e-12));
    // ... while time travel to the version the second run wrote (as its runs row records) returns its numbers.
    long version = table(warehouse, Table.RUNS).where(col("run_id").equalTo(second.runId()))
        .where("status = 'succeeded'").selectExpr("table_versions['indicators']").first().getLong(0);
    assertThat(version).isEqualTo(second.tableVersions().get("indicators"));
    Row earlier = spark.sql(String.format("SELECT estimate, run_id FROM delta.`%s` VERSION AS OF %d WHERE %s",
        warehouse.path(Table.INDICATORS), version, usesAi)).first();
    assertThat(earlier.getDouble(0)).isCloseTo(515.0 / 1015, within(1e-12));
    assertThat(earlier.getString(1)).isEqualTo(second.runId());
    assertThat(spark.sql(String.format("DESCRIBE HISTORY delta.`%s`", warehouse.path(Table.INDICATORS))).count())
        .isEqualTo(version + 2);
    assertThat(indicatorFiles(warehouse, 2026)).isEqualTo(waves.files2026());
  }

  /**
   * Every microdata row carries the pseudonym of its respondent: HMAC-SHA-256 under the key of "survey:id", as the
   * JDK computes it; the same in both waves for the same respondent, none for a reject whose id reads as none. The
   * key itself is in no table and no file of the warehouse; runs holds its fingerprint. The rejects are those of
   * the two-wave input ({@link #twoWaves}).
   */
  @Test
  void microdataCarryTheRespondentsPseudonymAndNoTableHoldsTheKey() throws IOException {
    Warehouse warehouse = twoWaves().warehouse();
    for (Table table : List.of(Table.RESPONSES_EMPLOYER, Table.RESPONSES_EMPLOYEE, Table.WEIGHTS)) {
      Dataset<Row> rows = table(warehouse, table);
      String survey = table == Table.RESPONSES_EMPLOYEE ? "employee" : "employer";
      Dataset<Row> bySurvey = table == Table.WEIGHTS ? rows : rows.withColumn("survey", lit(survey));
      List<Row> ids = bySurvey.select("wave", "survey", "respondent_id", "respondent_pseudonym").collectAsList();
      assertThat(ids).as("%s", table).hasSize(table == Table.WEIGHTS ? 24 : table == Table.RESPONSES_EMPLOYEE
          ? 8 : 16);
      for (Row r : ids) {
        assertThat(r.getString(3)).as("%s %s", table, r)
            .isEqualTo(TestKeys.expectedPseudonym(r.getString(1) + ":" + r.getLong(2)));
      }
      // Stable across the waves: one pseudonym per respondent, in both waves.
      assertThat(bySurvey.groupBy("survey", "respondent_id").agg(countDistinct("wave"), countDistinct("respondent_pseudonym"))
          .where("`count(DISTINCT wave)` <> 2 OR `count(DISTINCT respondent_pseudonym)` <> 1").count())
          .as("%s respondents without one pseudonym in both waves", table).isZero();
      // Beside the id it stands for.
      List<String> columns = List.of(rows.columns());
      assertThat(columns.indexOf("respondent_pseudonym")).isEqualTo(columns.indexOf("respondent_id") + 1);
    }
    // The two surveys' respondents 1 are two people.
    assertThat(table(warehouse, Table.WEIGHTS).where("respondent_id = 1").select("respondent_pseudonym").distinct()
        .count()).isEqualTo(2);

    Map<String, String> rejected = new java.util.HashMap<>();
    for (Row r : table(warehouse, Table.REJECTS).select("respondent_id", "respondent_pseudonym").distinct()
        .collectAsList()) {
      rejected.put(r.getString(0), r.getString(1));
    }
    assertThat(rejected).containsOnly(Map.entry("106", TestKeys.expectedPseudonym("employer:106")),
        Map.entry("0107", TestKeys.expectedPseudonym("employer:107")), 
        new java.util.AbstractMap.SimpleEntry<>("x7", null), new java.util.AbstractMap.SimpleEntry<>(null, null));

    String fingerprint = TestKeys.pseudonymKey().fingerprint();
    assertThat(table(warehouse, Table.RUNS).select("pseudonym_key_fingerprint").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactly(fingerprint);
    for (Table table : Table.values()) {
      if (warehouse.exists(table)) {
        assertThat(table(warehouse, table).selectExpr("to_json(struct(*))").as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList()).as("%s", table).noneSatisfy(row -> assertThat(row).contains(TestKeys.TEXT));
      }
    }
    try (Stream<Path> files = Files.walk(Path.of(warehouse.root()))) {
      byte[] key = TestKeys.TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(file), key)).as("the key in %s", file).isEqualTo(-1);
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  /** The checksum of each data table's rows of {@code wave}, without run ids. */
  private Map<Table, String> contents(Warehouse warehouse, int wave) {
    Map<Table, String> contents = new java.util.EnumMap<>(Table.class);
    for (Table table : List.of(Table.RESPONSES_EMPLOYER, Table.RESPONSES_EMPLOYEE, Table.WEIGHTS,
        Table.WEIGHT_DIAGNOSTICS, Table.REJECTS, Table.INDICATORS, Table.COMPARISONS)) {
      contents.put(table, TableChecksum.of(table(warehouse, table).where("wave = " + wave), "run_id"));
    }
    return contents;
  }

  /** The data files holding the indicators of {@code wave}, relative to the table's directory. */
  private List<String> indicatorFiles(Warehouse warehouse, int wave) {
    Path table = Path.of(warehouse.path(Table.INDICATORS));
    return table(warehouse, Table.INDICATORS).where("wave = " + wave).select(col("_metadata.file_path").as("file"))
        .distinct().orderBy("file").as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream()
        .map(file -> table.relativize(Path.of(java.net.URI.create(file))).toString()).toList();
  }

  @Test
  void faultyRowsGoToRejectsWithTheirReasonAndFile() {
    WaveFixture f = consistentWave();
    Path input = f.write(TestSpark.tempDir("input"));
    // A second employer file: ai_maturity delivered as text, with one faulty value per row.
    Dataset<Row> template = f.responses("employer").where("respondent_id = 1");
    Dataset<Row> bad = Stream.of(
            template.withColumn("respondent_id", lit(101L)).withColumn("industry", lit("ZZ")),
            template.withColumn("respondent_id", lit(102L)).withColumn("wave", lit(2024)),
            template.withColumn("respondent_id", lit(103L)).withColumn("ai_maturity", lit(7)),
            template.withColumn("respondent_id", lit(104L)).withColumn("ai_maturity", lit("x")),
            template.withColumn("respondent_id", lit(null).cast("bigint")),
            template.withColumn("respondent_id", lit(106L)),
            template.withColumn("respondent_id", lit(106L)),
            template.withColumn("respondent_id", lit(105L)).withColumn("func_hr", lit(4)))
        .map(d -> d.withColumn("ai_maturity", col("ai_maturity").cast("string")))
        .reduce(Dataset::unionByName).orElseThrow();
    bad.coalesce(1).write().mode("append").parquet(input.resolve("employer/wave=2025").toString());

    Warehouse warehouse = warehouse();
    new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey()).run(WAVE, input.toString());

    Dataset<Row> rejects = table(warehouse, Table.REJECTS);
    List<String> reasons = rejects.orderBy("respondent_id", "column")
        .select(joined("respondent_id", "column", "reason")).as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("101|industry|unknown industry code"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("102|wave|wave mismatch").contains("2024"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("103|ai_maturity|unknown answer code"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("104|ai_maturity|value is not an integer"));
    // The value as delivered: text from the second file, a number kept numeric by the reader from the first.
    assertThat(rejects.where("respondent_id = '104'").first().<String>getAs("value")).isEqualTo("x");
    assertThat(rejects.where("respondent_id = '106'").first().<String>getAs("value")).isEqualTo("106");
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("|respondent_id|missing respondent id"));
    assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("105|func_hr|answered although"));
    // Both copies of a duplicated id are rejected: which one is right cannot be known.
    assertThat(reasons.stream().filter(r -> r.startsWith("106|respondent_id|duplicate"))).hasSize(2);
    assertThat(rejects.select("source_file").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .singleElement().satisfies(file -> assertThat(file).doesNotContain(
            table(warehouse, Table.RESPONSES_EMPLOYER).first().<String>getAs("source_file")));
    // The valid rows are the fixture's eight firms; the estimates are those of the clean fixture.
    assertThat(table(warehouse, Table.RESPONSES_EMPLOYER).count()).isEqualTo(8);
    // Every row is accounted for, by the job and in runs: 16 read = 8 accepted + 8 rejected.
    Row run = table(warehouse, Table.RUNS).where("status = 'succeeded'").first();
    assertThat(run.<String, Long>getJavaMap(run.fieldIndex("row_counts"))).containsEntry("employer_rows_in", 16L)
        .containsEntry("employer_accepted", 8L).containsEntry("employer_rejected", 8L)
        .containsEntry("employee_rows_in", 4L).containsEntry("employee_accepted", 4L)
        .containsEntry("employee_rejected", 0L);
    assertThat(table(warehouse, Table.INDICATORS)
        .where("survey = 'employer' AND indicator_id = 'uses_ai' AND domain = 'total'").first().<Double>getAs("estimate")).isCloseTo(515.0 / 1015, within(1e-12));

    // The faults corrected and the wave run again: its rejects are gone, although no survey has any to write.
    f.responses("employer").coalesce(1).write().mode("overwrite")
        .parquet(input.resolve("employer/wave=2025").toString());
    new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey()).run(WAVE, input.toString());
    assertThat(table(warehouse, Table.REJECTS).where("wave = " + WAVE).count()).isZero();
    assertThat(table(warehouse, Table.RESPONSES_EMPLOYER).count()).isEqualTo(8);
  }

  @Test
  void idsDeliveredAsDoublesAreTakenWhenWholeAndRejectedWhenNot() {
    WaveFixture f = consistentWave();
    Path input = f.write(TestSpark.tempDir("input"));
    // A writer that stores ids as doubles: 1.0 .. 8.0 are the fixture's firms, 109.5 must not become firm 109.
    Dataset<Row> employers = f.responses("employer").withColumn("respondent_id", col("respondent_id").cast("double"));
    employers.unionByName(employers.where("respondent_id = 1").withColumn("respondent_id", lit(109.5)))
        .coalesce(1).write().mode("overwrite").parquet(input.resolve("employer/wave=2025").toString());

    Warehouse warehouse = warehouse();
    new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey()).run(WAVE, input.toString());

    assertThat(table(warehouse, Table.REJECTS).select(joined("respondent_id", "column", "value", "reason"))
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).singleElement()
        .isEqualTo("109.5|respondent_id|109.5|respondent id is not an integer");
    assertThat(table(warehouse, Table.RESPONSES_EMPLOYER).orderBy("respondent_id").select("respondent_id")
        .as(org.apache.spark.sql.Encoders.LONG()).collectAsList()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
  }

  @Test
  void idsDeliveredAsTextKeepEveryDigit() {
    WaveFixture f = consistentWave();
    Path input = f.write(TestSpark.tempDir("input"));
    // Text ids; one beyond 2^53 in decimal notation, which a detour through doubles would turn into ...992.
    Dataset<Row> employers = f.responses("employer").withColumn("respondent_id", col("respondent_id").cast("string"));
    employers.unionByName(employers.where("respondent_id = '1'")
            .withColumn("respondent_id", lit("9007199254740993.0")))
        .coalesce(1).write().mode("overwrite").parquet(input.resolve("employer/wave=2025").toString());

    Warehouse warehouse = warehouse();
    new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey()).run(WAVE, input.toString());

    assertThat(table(warehouse, Table.RESPONSES_EMPLOYER).orderBy("respondent_id").select("respondent_id")
        .as(org.apache.spark.sql.Encoders.LONG()).collectAsList())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9007199254740993L);
  }

  private static org.apache.spark.sql.Column joined(String... columns) {
    return org.apache.spark.sql.functions.concat_ws("|", Stream.of(columns)
        .map(c -> org.apache.spark.sql.functions.coalesce(col(c), lit(""))).toArray(org.apache.spark.sql.Column[]::new));
  }

  @Test
  void fileLevelFaultsStopTheRunAndWriteNothing() throws IOException {
    Path input = consistentWave().write(TestSpark.tempDir("input"));
    Path employer = input.resolve("employer/wave=2025");

    assertFileFault(input, "missing column", () -> consistentWave().responses("employer").drop("ai_maturity")
        .coalesce(1).write().mode("overwrite").parquet(employer.toString()), "ai_maturity", employer.toString());
    assertFileFault(input, "extra column", () -> consistentWave().responses("employer")
        .withColumn("q_new", lit(1)).coalesce(1).write().mode("overwrite").parquet(employer.toString()),
        "q_new", employer.toString());
    assertFileFault(input, "empty file", () -> consistentWave().responses("employer").where("false")
        .coalesce(1).write().mode("overwrite").parquet(employer.toString()), "has no rows", employer.toString());
    assertFileFault(input, "corrupt file",
        () -> TestFiles.writeString(employer.resolve("part-zz.parquet"), "not parquet"),
        "part-zz.parquet", "not a readable Parquet file");
    assertFileFault(input, "missing directory", () -> TestFiles.deleteTree(input.resolve("employee")),
        "employee/wave=2025", "does not exist");
  }

  @Test
  void aSampleCategoryTheRegisterLacksIsMergedByACollapseRule() throws IOException {
    WaveFixture f = consistentWave();
    Path input = f.write(TestSpark.tempDir("input"));
    // The register has no 1082 region for firms: all 1020 firms are counted under 1084.
    f.register().where("NOT (population = 'firms' AND variable = 'region')")
        .unionByName(f.register().where("population = 'firms' AND variable = 'region' AND category = '1084'")
            .withColumn("count", lit(1020.0)))
        .coalesce(1).write().mode("overwrite").parquet(input.resolve("register/year=2025").toString());
    assertThatThrownBy(() -> new WaveRun(spark, config, warehouse(), TestKeys.pseudonymKey())
        .run(WAVE, input.toString()))
        .hasMessageContaining("the register margin region of firms has no count for region = '1082'");

    Warehouse warehouse = warehouse();
    new WaveRun(spark, collapsing("{region: {'1082': '1084'}}"), warehouse, TestKeys.pseudonymKey())
        .run(WAVE, input.toString());
    // One region cell left, equal to the population: the design weights stand (250 for micro firms).
    assertThat(table(warehouse, Table.WEIGHTS).where("survey = 'employer' AND respondent_id = 3")
        .first().<Double>getAs("weight")).isCloseTo(250.0, within(1e-9));
    // The responses keep the region as delivered.
    assertThat(table(warehouse, Table.RESPONSES_EMPLOYER).where("respondent_id = 3").first()
        .<String>getAs("region")).isEqualTo("1082");
  }

  @Test
  void anIndicatorAddedToConfAppearsWithoutAnyJava() throws IOException {
    // The two-wave configuration adds uses_ai_regularly (USES_AI_REGULARLY) to conf; no Java names it.
    // Employees: 1 (micro, d 150) uses AI now and then, 2 (micro) not, 3 (large, d 350) integrated,
    // 4 (large) regularly: (350 + 350) / (150 + 150 + 350 + 350). Public: employee 3 only.
    DataFrameAssert.assertRowsEqual(table(twoWaves().warehouse(), Table.INDICATORS)
            .where("wave = 2025 AND indicator_id = 'uses_ai_regularly'")
            .select("domain", "domain_value", "estimate", "base_n"),
        List.of(List.of("total", "all", 0.7, 4L), List.of("sector", "private", 350.0 / 650, 3L),
            List.of("sector", "public", 1.0, 1L)), 1e-12);
  }

  private void assertFileFault(Path input, String name, Runnable breakIt, String... messageParts) {
    breakIt.run();
    Warehouse warehouse = warehouse();
    assertThatThrownBy(() -> new WaveRun(spark, config, warehouse, TestKeys.pseudonymKey()).run(WAVE, input.toString()))
        .as(name).isInstanceOf(BarometerException.class)
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.BAD_INPUT))
        .message().contains(messageParts);
    for (Table table : List.of(Table.INDICATORS, Table.WEIGHTS, Table.REJECTS, Table.RESPONSES_EMPLOYER)) {
      assertThat(warehouse.exists(table)).as("%s written after %s", table, name).isFalse();
    }
    assertThat(table(warehouse, Table.RUNS).first().<String>getAs("status")).isEqualTo("failed");
  }

  /**
   * The configuration with a 2026 wave that repeats the 2025 questionnaire and register (the fixture's rows serve
   * both waves), so the indicator asked only from 2026 on leaves the catalogue.
   */
  private static Path twoWaveConf() throws IOException {
    Path conf = TestSpark.copyOfConf();
    Files.writeString(conf.resolve("codebook/2026.yaml"),
        Files.readString(conf.resolve("codebook/2025.yaml")).replace("wave: 2025", "wave: 2026"));
    Files.writeString(conf.resolve("barometer.yaml"), Files.readString(conf.resolve("barometer.yaml"))
        .replace("  2026: {codebook: codebook/2026.yaml, register_year: 2026}",
            "  2026: {codebook: codebook/2026.yaml, register_year: 2025}"));
    String indicators = Files.readString(conf.resolve("indicators.yaml"));
    Files.writeString(conf.resolve("indicators.yaml"), indicators.replaceAll(
        "(?s)  # Asked from 2026: no 2025 estimate\\.\n  - id: uses_ai_agents.*?\n\n", ""));
    return conf;
  }

  /** The two-wave configuration with {@code rule} as the firms' collapse rule. */
  private static BarometerConfig collapsing(String rule) throws IOException {
    Path conf = twoWaveConf();
    Files.writeString(conf.resolve("barometer.yaml"), Files.readString(conf.resolve("barometer.yaml"))
        .replace("    population: firms\n", "    population: firms\n    collapse: " + rule + "\n"));
    return BarometerConfig.load(conf);
  }
}

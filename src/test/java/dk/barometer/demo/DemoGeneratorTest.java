package dk.barometer.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.config.Question;
import dk.barometer.config.SurveyCodebook;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo generator: the input contract's layout and types, the codebook's routing, register margins that add up
 * to the population, determinism by seed, and a sample whose unweighted estimate is off where the stratum-weighted
 * one is not. One default-size wave and three small ones are generated once for the whole class.
 */
class DemoGeneratorTest {
  private static final int WAVE = 2025;
  private static final List<String> SURVEYS = List.of(GeneratedWave.EMPLOYER, GeneratedWave.EMPLOYEE);

  private static SparkSession spark;
  private static BarometerConfig config;
  private static Codebook codebook;
  private static Path defaults;
  private static GeneratedWave defaultWave;
  private static Path small;
  private static Path sameSeed;
  private static Path otherSeed;

  @BeforeAll
  static void generate() {
    spark = TestSpark.spark();
    config = BarometerConfig.load(TestSpark.confDir());
    codebook = config.codebook(WAVE);
    DemoGenerator generator = DemoGenerator.forWave(config, WAVE);
    defaults = TestSpark.tempDir("demo-defaults");
    defaultWave = generator.write(spark, defaults, generator.defaults());
    small = TestSpark.tempDir("demo-small");
    generator.write(spark, small, new DemoOptions(7, 300, 500));
    sameSeed = TestSpark.tempDir("demo-same-seed");
    generator.write(spark, sameSeed, new DemoOptions(7, 300, 500));
    otherSeed = TestSpark.tempDir("demo-other-seed");
    generator.write(spark, otherSeed, new DemoOptions(8, 300, 500));
  }

  /** A write that fails (here: a file where the output directory should be) is a write error naming the path. */
  @Test
  void aFailedWriteIsAWriteErrorNamingWhere() throws IOException {
    Path file = Files.writeString(TestSpark.tempDir("demo-blocked").resolve("a-file"), "x");
    DemoGenerator generator = DemoGenerator.forWave(config, WAVE);
    assertThatThrownBy(() -> generator.write(spark, file.resolve("out"), new DemoOptions(7, 30, 50)))
        .isInstanceOf(BarometerException.class)
        .hasMessageContaining("Cannot write the generated files to " + file.resolve("out"))
        .hasMessageContaining("not a directory")
        .extracting(e -> ((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.WRITE);
  }

  @Test
  void responsesFollowTheInputContract() {
    for (String survey : SURVEYS) {
      Path dir = defaults.resolve(survey).resolve("wave=" + WAVE);
      assertThat(partFiles(dir)).as("%s: small outputs are one file", survey).hasSize(1);
      Dataset<Row> responses = spark.read().parquet(dir.toString());
      SurveyCodebook questionnaire = codebook.survey(survey);

      List<String> columns = new ArrayList<>(List.of("respondent_id", "wave"));
      columns.addAll(questionnaire.classifications());
      columns.add("stratum");
      questionnaire.questions().forEach(q -> columns.add(q.id()));
      assertThat(responses.columns()).as(survey).containsExactlyElementsOf(columns);

      Map<String, DataType> types = Stream.of(responses.schema().fields())
          .collect(Collectors.toMap(StructField::name, StructField::dataType));
      assertThat(types.get("respondent_id")).isEqualTo(DataTypes.LongType);
      assertThat(types.get("wave")).isEqualTo(DataTypes.IntegerType);
      questionnaire.classifications().forEach(c -> assertThat(types.get(c)).as(c).isEqualTo(DataTypes.StringType));
      assertThat(types.get("stratum")).isEqualTo(DataTypes.StringType);
      questionnaire.questions().forEach(q -> assertThat(types.get(q.id())).as(q.id()).isEqualTo(DataTypes.IntegerType));

      long rows = responses.count();
      assertThat(rows).isEqualTo(survey.equals(GeneratedWave.EMPLOYER) ? defaultWave.employerRespondents()
          : defaultWave.employeeRespondents());
      assertThat(responses.select("respondent_id").distinct().count()).isEqualTo(rows);
      assertThat(responses.where(col("wave").notEqual(WAVE).or(col("stratum").notEqual(col("size_class"))))
          .count()).isZero();
      for (String variable : questionnaire.classifications()) {
        List<String> codes = config.classifications().get(variable).codeValues();
        assertThat(responses.where(col(variable).isNull().or(col(variable).isin(codes.toArray()).unary_$bang()))
            .count()).as("%s codes outside classifications.yaml", variable).isZero();
      }
    }
  }

  @Test
  void questionsFollowTheCodebooksRouting() {
    for (String survey : SURVEYS) {
      Dataset<Row> responses = spark.read().parquet(defaults.resolve(survey).resolve("wave=" + WAVE).toString());
      List<Column> violations = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Question q : codebook.survey(survey).questions()) {
        String asked = q.askedIf() == null ? "true" : "coalesce(" + q.askedIf() + ", false)";
        String inScale = q.id() + " IN (" + codebook.allCodes(q).stream().map(String::valueOf)
            .collect(Collectors.joining(",")) + ")";
        // Asked: a code of the scale; not asked: null.
        violations.add(sum(expr(String.format("CASE WHEN (%s AND NOT coalesce(%s, false)) OR (NOT %s AND %s IS NOT "
            + "NULL) THEN 1 ELSE 0 END", asked, inScale, asked, q.id()))));
        names.add(q.id());
      }
      Row counts = responses.agg(violations.get(0), violations.subList(1, violations.size()).toArray(Column[]::new))
          .first();
      for (int i = 0; i < names.size(); i++) {
        assertThat(counts.getLong(i)).as("%s.%s answers breaking the routing or scale", survey, names.get(i)).isZero();
      }
    }
    Dataset<Row> employers = spark.read().parquet(defaults.resolve("employer/wave=" + WAVE).toString());
    assertThat(employers.where("ai_maturity = 1").count()).isPositive();
    assertThat(employers.where("func_sales_marketing IS NULL").count()).isPositive();
    // "Ved ikke" occurs, rarely.
    double dontKnow = employers.where("ai_maturity = 9").count() / (double) employers.count();
    assertThat(dontKnow).isBetween(0.002, 0.05);
  }

  @Test
  void registerMarginsAddUpToThePopulations() {
    Path dir = defaults.resolve("register").resolve("year=" + config.settings().wave(WAVE).registerYear());
    assertThat(partFiles(dir)).hasSize(1);
    Dataset<Row> register = spark.read().parquet(dir.toString());
    assertThat(register.columns())
        .containsExactly("population", "variable", "category", "count", "source", "reference_year");
    assertThat(register.schema().apply("count").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(register.schema().apply("reference_year").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(register.where("count <= 0 OR reference_year <> 2025 OR source NOT LIKE '%seed 2025'").count())
        .isZero();

    Map<String, Long> sizes = Map.of("firms", defaultWave.firmPopulation(), "employees",
        defaultWave.employeePopulation());
    assertThat(defaultWave.firmPopulation()).isEqualTo(181_000);
    assertThat(defaultWave.employeePopulation()).isEqualTo(3_000_000);
    List<Row> totals = register.groupBy("population", "variable").agg(sum("count")).collectAsList();
    assertThat(totals).hasSize(8);
    for (Row total : totals) {
      assertThat(total.getString(1)).isIn("industry", "region", "size_class", "stratum");
      assertThat(total.getLong(2)).as("%s by %s", total.getString(0), total.getString(1))
          .isEqualTo(sizes.get(total.getString(0)));
    }
  }

  @Test
  void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
    for (String part : List.of("employer/wave=2025", "employee/wave=2025", "register/year=2025")) {
      Dataset<Row> first = spark.read().parquet(small.resolve(part).toString());
      Dataset<Row> second = spark.read().parquet(sameSeed.resolve(part).toString());
      assertThat(first.count()).as(part).isEqualTo(second.count()).isPositive();
      assertThat(first.exceptAll(second).count()).as(part).isZero();
      Dataset<Row> other = spark.read().parquet(otherSeed.resolve(part).toString()).drop("source");
      assertThat(first.drop("source").exceptAll(other).count()).as(part).isPositive();
    }
  }

  @Test
  void stratumWeightsRemoveTheOversamplingBiasThatTheUnweightedShareShows() {
    Dataset<Row> employers = spark.read().parquet(defaults.resolve("employer/wave=" + WAVE).toString())
        .where("ai_maturity IN (1, 2, 3, 4, 5)");
    Dataset<Row> strata = spark.read().parquet(defaults.resolve("register/year=" + WAVE).toString())
        .where("population = 'firms' AND variable = 'stratum'").selectExpr("category AS stratum", "count AS stratum_population");
    Dataset<Row> sampled = employers.groupBy("stratum").count().withColumnRenamed("count", "stratum_respondents");
    Row shares = employers.join(strata, "stratum").join(sampled, "stratum")
        .selectExpr("CAST(stratum_population AS DOUBLE) / stratum_respondents AS weight", "CASE WHEN ai_maturity >= 2 THEN 1D ELSE 0D END AS uses_ai")
        .agg(expr("100 * avg(uses_ai)"), expr("100 * sum(weight * uses_ai) / sum(weight)")).first();
    double unweighted = shares.getDouble(0);
    double stratumWeighted = shares.getDouble(1);
    // Published: 65. Large firms and AI-heavy industries are over-represented among the respondents.
    assertThat(Math.abs(unweighted - 65)).as("unweighted %s", unweighted).isGreaterThanOrEqualTo(6);
    assertThat(stratumWeighted).isBetween(62.0, 68.0);
    assertThat(defaultWave.employerRespondents()).isBetween(950L, 1070L);
    assertThat(defaultWave.employeeRespondents()).isBetween(1920L, 2120L);
  }

  @Test
  void aLargeRequestScalesThePopulationUp() {
    DemoGenerator generator = DemoGenerator.forWave(config, WAVE);
    SamplePlan usual = generator.generation(GeneratedWave.EMPLOYEE, new Uniforms(1)).draw().plan(2022);
    SamplePlan large = generator.generation(GeneratedWave.EMPLOYEE, new Uniforms(1)).draw().plan(1_000_000);
    assertThat(usual.populationSize()).isEqualTo(3_000_000);
    assertThat(large.populationSize()).isGreaterThan(3_000_000);
    double gross = large.gross().values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(gross).isLessThanOrEqualTo(0.5 * large.populationSize());
  }

  @Test
  void userErrorsAreReportedAsSuch() {
    assertThatThrownBy(() -> new DemoOptions(2025, 0, 2022)).isInstanceOf(BarometerException.class)
        .hasMessageContaining("employers").extracting(e -> ((BarometerException) e).kind())
        .isEqualTo(BarometerException.Kind.USAGE);

    Path conf = TestSpark.copyOfConf();
    try {
      Files.delete(conf.resolve("demo/2025.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BarometerConfig withoutModel = BarometerConfig.load(conf);
    assertThatThrownBy(() -> DemoGenerator.forWave(withoutModel, WAVE)).isInstanceOf(BarometerException.class)
        .hasMessageContaining("demo/2025.yaml").extracting(e -> ((BarometerException) e).kind())
        .isEqualTo(BarometerException.Kind.CONFIG);
  }

  @Test
  void aModelTableWithoutARowIsAConfigError() throws IOException {
    Path conf = TestSpark.copyOfConf();
    Path model = conf.resolve("demo/2025.yaml");
    String yaml = Files.readString(model);
    Files.writeString(model, yaml.replaceFirst("\n\\s+small:  \\{private: 90, public: 10\\}", ""));
    BarometerConfig broken = BarometerConfig.load(conf);
    assertThatThrownBy(() -> DemoGenerator.forWave(broken, WAVE)).isInstanceOf(BarometerException.class)
        .hasMessageContaining("lacks rows [small]");
  }

  private static List<Path> partFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("part-.*\\.parquet")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dk.barometer.estimation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.AnswerCode;
import dk.barometer.config.Codebook;
import dk.barometer.config.DomainDefinition;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.IndicatorType;
import dk.barometer.config.Question;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.config.SurveyCodebook;
import dk.barometer.config.SurveySettings;
import dk.barometer.pipeline.SurveyEstimation;
import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Standard errors, logit intervals and design effects equal R {@code survey}'s on a raking-calibrated stratified
 * design ({@code calibrate(calfun = "raking")}, {@code svyratio}, {@code svyciprop(method = "logit")}), overall and
 * in domains, for both surveys of three fixtures; expected values from src/test/r/variance_reference.R. The
 * domains have item non-response (code 9, q3 not asked) and one indicator has a base_where, so the interval's df
 * is R's {@code degf} of the domain's design, not the base n less its strata.
 */
class TaylorVarianceReferenceTest {
  private static final List<String> QUESTIONS = List.of("q1", "q2", "q3");

  @TestFactory
  Stream<DynamicTest> standardErrorsEqualR() {
    return Stream.of("small", "oversampled", "collapse").flatMap(name -> {
      ReferenceFixture fixture = ReferenceFixture.load(ReferenceFixture.WEIGHTING.resolve(name));
      return fixture.settings().surveys().keySet().stream().map(survey ->
          DynamicTest.dynamicTest(name + " / " + survey, () -> check(fixture, survey)));
    });
  }

  private static void check(ReferenceFixture fixture, String survey) {
    SparkSession spark = TestSpark.spark();
    SurveySettings settings = fixture.settings().surveys().get(survey);
    Map<String, Row> actual = new HashMap<>();
    for (Row r : new SurveyEstimation(survey, 0, settings, fixture.settings().raking(),
            ReferenceFixture.classifications(), ReliabilitySettings.DEFAULT,
            catalog(survey), List.of(), codebook(survey)).weighAndEstimate(rows(spark, fixture, survey),
            fixture.register(settings.population()))
        .select("indicator_id", "domain", "domain_value", "base_n", "estimate", "se", "ci_low", "ci_high", "deff",
            "df")
        .collectAsList()) {
      actual.put(String.join("/", r.getString(0), r.getString(1), r.getString(2)), r);
    }

    List<Map<String, String>> expected = ReferenceFixture.csv(
        ReferenceFixture.VARIANCE.resolve(fixture.name()).resolve("expected_variance.csv")).stream()
        .filter(e -> e.get("survey").equals(survey)).toList();
    assertThat(expected).isNotEmpty();
    for (Map<String, String> e : expected) {
      String key = String.join("/", e.get("outcome"), e.get("domain"), e.get("domain_value"));
      Row r = actual.get(key);
      assertThat(r).as("estimate %s", key).isNotNull();
      assertThat(r.getLong(3)).as("base n of %s", key).isEqualTo(Long.parseLong(e.get("n")));
      relative(r.getDouble(4), e.get("estimate"), 1e-9, "estimate of " + key);
      relative(r.getDouble(5), e.get("se_calibrate"), 1e-6, "SE of " + key);
      assertThat(r.getLong(9)).as("df of %s", key).isEqualTo(Long.parseLong(e.get("df")));
      relative(r.getDouble(6), e.get("ci_low"), 1e-9, "CI low of " + key);
      relative(r.getDouble(7), e.get("ci_high"), 1e-9, "CI high of " + key);
      relative(r.getDouble(8), e.get("deff"), 1e-6, "deff of " + key);
    }
  }

  /** The fixture's respondents of {@code survey} with their answers of the variance fixture's outcomes.csv. */
  static Dataset<Row> rows(SparkSession spark, ReferenceFixture fixture, String survey) {
    Dataset<Row> respondents = spark.read().option("header", "true")
        .csv(fixture.dir().resolve("respondents.csv").toString()).where(col("survey").equalTo(survey));
    Dataset<Row> outcomes = spark.read().option("header", "true")
        .csv(ReferenceFixture.VARIANCE.resolve(fixture.name()).resolve("outcomes.csv").toString())
        .where(col("survey").equalTo(survey)).drop("survey");
    Dataset<Row> rows = respondents.join(outcomes, "respondent_id")
        .withColumn("respondent_id", col("respondent_id").cast("bigint"));
    for (String q : QUESTIONS) {
      rows = rows.withColumn(q, col(q).cast("int"));
    }
    return rows;
  }

  static void relative(double actual, String expected, double tolerance, String what) {
    double e = Double.parseDouble(expected);
    assertThat(Math.abs(actual - e)).as("%s: %s vs R %s", what, actual, e)
        .isLessThanOrEqualTo(tolerance * Math.abs(e));
  }

  /** q1-q3 answered 1 (success), 2 (no) or 9 ("don't know", out of the base); null where not asked. */
  static Codebook codebook(String survey) {
    List<AnswerCode> scale = List.of(new AnswerCode(1, "ja", "yes", null), new AnswerCode(2, "nej", "no", null),
        new AnswerCode(9, "ved ikke", "don't know", "dont_know"));
    List<Question> questions = QUESTIONS.stream()
        .map(q -> new Question(q, "yes_no", q, q, null, null, null)).toList();
    return new Codebook(0, "reference", Map.of("yes_no", scale), Map.of(survey,
        new SurveyCodebook(List.of("industry", "region", "size_class"), questions)));
  }

  static IndicatorCatalog catalog(String survey) {
    Map<String, DomainDefinition> domains = new LinkedHashMap<>();
    domains.put("total", new DomainDefinition(null, null, null));
    domains.put("size_class", new DomainDefinition("size_class", null, null));
    domains.put("region", new DomainDefinition("region", null, null));
    List<String> breakdowns = List.of("total", "size_class", "region");
    List<IndicatorDefinition> indicators = new ArrayList<>(QUESTIONS.stream().map(q -> new IndicatorDefinition(q,
        survey, IndicatorType.SHARE, q, null, List.of(1), null, q, q, breakdowns, null, null)).toList());
    // "Among those who said yes to q1", as R's subset design[q1 == 1, ] (the script's q2_if_q1).
    indicators.add(new IndicatorDefinition("q2_if_q1", survey, IndicatorType.SHARE, "q2", null, List.of(1), "q1 = 1",
        "q2_if_q1", "q2_if_q1", breakdowns, null, null));
    return new IndicatorCatalog("reference", domains, null, indicators);
  }
}

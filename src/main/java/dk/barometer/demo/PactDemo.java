package dk.barometer.demo;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.PactCodebook;
import dk.barometer.config.Yaml;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.PactContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Synthetic partner reports of the AI competence pact for one year ({@code conf/demo/pact.yaml}), in the pact's input
 * contract. Partners are numbered in the order of their cohorts, so a partner keeps its id, kind, industry and size
 * from year to year; every draw is a hash of (seed, partner, ...), so the files are the same on every run. The year's
 * people upskilled are split over the forms exactly by the model's percentages, and within a form over the reports
 * in proportion to whole-number weights, by cumulative rounding: the counts are whole and add up exactly.
 */
public final class PactDemo {
  /** Industries of the firms that are not production firms, and of the organisations. */
  private static final List<String> OTHER_FIRM_INDUSTRIES = List.of("A", "F", "GHI", "J", "KL", "M", "N");
  private static final List<String> ORGANISATION_INDUSTRIES = List.of("M", "O", "RS");
  private static final String EDUCATION_INDUSTRY = "P";
  /** Size classes drawn for firms, organisations and education institutions (repeats tilt the draw). */
  private static final List<String> FIRM_SIZES = List.of("small", "medium", "large", "large");
  private static final List<String> INSTITUTION_SIZES = List.of("medium", "large", "large");
  /** The percent of a partner's form and target group combinations it reports (own staff on a course always). */
  private static final int REPORTED_PERCENT = 45;

  private final PactDemoModel model;
  private final PactCodebook codebook;

  private PactDemo(PactDemoModel model, PactCodebook codebook) {
    this.model = model;
    this.codebook = codebook;
  }

  public static PactDemo load(BarometerConfig config) {
    Path file = config.directory().resolve("demo").resolve("pact.yaml");
    return new PactDemo(Yaml.read(file, PactDemoModel.class), PactCodebook.load(config));
  }

  /** Whether {@code out} already holds the year's files. */
  public static boolean generated(Path out, int year) {
    InputLayout layout = new InputLayout(out.toString());
    return Arrays.stream(PactContract.values()).allMatch(c -> Files.isDirectory(Path.of(layout.pact(c, year))));
  }

  /** Writes the partners and reports of {@code year} under {@code out}, in the input layout. */
  public void write(SparkSession spark, Path out, int year) {
    PactDemoModel.Year reporting = model.years().get(year);
    if (reporting == null) {
      throw DemoErrors.noPactYear(year, model.years().keySet());
    }
    InputLayout layout = new InputLayout(out.toString());
    Dataset<Row> partners = partners(spark, year);
    DemoGenerator.write(partners, Path.of(layout.pact(PactContract.PARTNERS, year)), PactContract.PARTNER_ID, 1);
    DemoGenerator.write(reports(spark, partners, year, reporting),
        Path.of(layout.pact(PactContract.UPSKILLINGS, year)), PactContract.PARTNER_ID, 1);
  }

  /** The partners of the cohorts joined by {@code year}. */
  private Dataset<Row> partners(SparkSession spark, int year) {
    List<Segment> segments = new ArrayList<>();
    long start = 0;
    for (PactDemoModel.Cohort cohort : model.cohorts()) {
      if (cohort.joined() > year) {
        continue;
      }
      start = add(segments, start, cohort.productionFirms(), cohort.joined(), PactCodebook.FIRM, true);
      start = add(segments, start, cohort.firms() - cohort.productionFirms(), cohort.joined(), PactCodebook.FIRM,
          false);
      start = add(segments, start, cohort.education(), cohort.joined(), "education", false);
      start = add(segments, start, cohort.organisations(), cohort.joined(), "organisation", false);
    }
    Column id = col("id");
    Column kind = lit(null).cast("string");
    Column joined = lit(null).cast("int");
    Column production = lit(false);
    for (Segment s : segments) { // disjoint ranges: the order does not matter
      Column in = id.geq(s.start()).and(id.lt(s.end()));
      kind = when(in, lit(s.kind())).otherwise(kind);
      joined = when(in, lit(s.joined())).otherwise(joined);
      production = when(in, lit(s.production())).otherwise(production);
    }
    Column industry = when(production, lit(codebook.productionIndustries().get(0)))
        .when(kind.equalTo(PactCodebook.FIRM), pick(OTHER_FIRM_INDUSTRIES, draw(id, 1)))
        .when(kind.equalTo("education"), lit(EDUCATION_INDUSTRY))
        .otherwise(pick(ORGANISATION_INDUSTRIES, draw(id, 2)));
    Column size = when(kind.equalTo(PactCodebook.FIRM), pick(FIRM_SIZES, draw(id, 3)))
        .otherwise(pick(INSTITUTION_SIZES, draw(id, 3)));
    Column partnerId = format_string("P%03d", id.plus(1));
    return spark.range(start).select(partnerId.as(PactContract.PARTNER_ID),
        concat(lit("Demo "), kind, lit(" "), partnerId).as("name"), kind.as("kind"), industry.as("industry"),
        size.as("size_class"), joined.as("joined_year"));
  }

  /**
   * The reports of {@code year}: some of each partner's form and target group combinations, the year's people split
   * exactly over the forms and, within a form, by cumulative rounding of whole-number weights (partner size, target
   * group weight and a draw).
   */
  private Dataset<Row> reports(SparkSession spark, Dataset<Row> partners, int year, PactDemoModel.Year reporting) {
    List<String> forms = codebook.formCodes();
    Dataset<Row> combinations = partners.crossJoin(spark.createDataset(forms,
        Encoders.STRING()).toDF("form")).crossJoin(spark.createDataset(
        codebook.targetGroupCodes(), Encoders.STRING()).toDF("target_group"));
    Column key = xxhash64(lit(model.seed()), col(PactContract.PARTNER_ID), col("form"), col("target_group"));
    Column reported = pmod(key, lit(100)).lt(REPORTED_PERCENT)
        .or(col("target_group").equalTo("own_employees").and(col("form").equalTo("course")));
    Column sizeWeight = when(col("size_class").equalTo("large"), 8).when(col("size_class").equalTo("medium"), 4)
        .when(col("size_class").equalTo("small"), 2).otherwise(1);
    Column groupWeight = lit(1);
    for (Map.Entry<String, Integer> group : reporting.targetGroups().entrySet()) {
      groupWeight = when(col("target_group").equalTo(group.getKey()), lit(group.getValue())).otherwise(groupWeight);
    }
    Column weight = pmod(xxhash64(lit(model.seed()), lit(year), col(PactContract.PARTNER_ID), col("form"),
        col("target_group")), lit(1000)).plus(1).multiply(sizeWeight).multiply(groupWeight).cast("long");
    Column formTotal = lit(0L);
    long[] totals = formTotals(reporting, forms);
    for (int f = 0; f < forms.size(); f++) {
      formTotal = when(col("form").equalTo(forms.get(f)), lit(totals[f])).otherwise(formTotal);
    }
    WindowSpec byForm = Window.partitionBy("form");
    WindowSpec upTo = byForm.orderBy(PactContract.PARTNER_ID, "target_group")
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return combinations.where(reported).withColumn("w", weight).withColumn("t", formTotal)
        .withColumn("cw", sum("w").over(upTo)).withColumn("tw", sum("w").over(byForm))
        .select(col(PactContract.PARTNER_ID), lit(year).as("year"), col("form"), col("target_group"),
            expr("(t * cw) div tw - (t * (cw - w)) div tw").as("people"));
  }

  /** The year's people by form, in the order of {@code forms}: whole numbers adding up to the total exactly. */
  private static long[] formTotals(PactDemoModel.Year reporting, List<String> forms) {
    long percents = forms.stream().mapToLong(f -> reporting.forms().getOrDefault(f, 0)).sum();
    long[] totals = new long[forms.size()];
    long before = 0;
    long cumulative = 0;
    for (int f = 0; f < forms.size(); f++) {
      cumulative += reporting.forms().getOrDefault(forms.get(f), 0);
      long upTo = reporting.people() * cumulative / percents;
      totals[f] = upTo - before;
      before = upTo;
    }
    return totals;
  }

  private static long add(List<Segment> segments, long start, int count, int joined, String kind, boolean production) {
    segments.add(new Segment(start, start + count, joined, kind, production));
    return start + count;
  }

  /** A non-negative draw per partner and purpose, the same on every run. */
  private Column draw(Column id, int purpose) {
    return pmod(xxhash64(lit(model.seed()), lit(purpose), id), lit(Integer.MAX_VALUE));
  }

  private static Column pick(List<String> values, Column draw) {
    Column options = array(values.stream().map(v -> lit(v)).toArray(Column[]::new));
    return element_at(options, pmod(draw, lit(values.size())).plus(1).cast("int"));
  }

  /** Partners with ids {@code start} to {@code end} (exclusive): one cohort's partners of one kind. */
  private record Segment(long start, long end, int joined, String kind, boolean production) {}
}

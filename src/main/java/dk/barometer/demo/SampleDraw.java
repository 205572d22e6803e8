package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Draws one survey's respondents with the survey's design (see {@link SampleDesign}): per stratum a simple random
 * sample without replacement (the units with the smallest selection uniforms), then non-response by the response
 * propensity of each sampled unit.
 *
 * <p>Gross sample sizes are the allocated respondents divided by the stratum's expected response rate, so the
 * expected respondents meet the allocation (the realised numbers vary by a few percent). When a requested sample
 * would make a stratum's gross sample larger than {@code maxSamplingFraction} of the stratum, the whole population is
 * scaled up in proportion (more units with the same distribution), so sampling without replacement stays a small
 * draw from a large population; the register margins are then counted from the larger population. With the
 * employee panel's response rates (~0.6) that keeps respondents at about a third of a stratum or less.
 */
final class SampleDraw {
  private static final String SELECTION = "selection_uniform";
  private static final String RANK = "selection_rank";
  /**
   * Candidates beyond the expected gross size: 5 standard deviations of the binomial count, so a stratum short of
   * candidates (and so of its gross size) practically never happens.
   */
  private static final double CANDIDATE_MARGIN_SD = 5;
  private static final double CANDIDATE_MARGIN_UNITS = 10;

  private final String survey;
  private final SampleDesign design;
  private final Population population;
  private final Uniforms uniforms;

  SampleDraw(String survey, SampleDesign design, Population population, Uniforms uniforms) {
    this.survey = survey;
    this.design = design;
    this.population = population;
    this.uniforms = uniforms;
  }

  SamplePlan plan(long respondents) {
    JointDistribution joint = population.joint();
    Map<String, Double> share = joint.expectation(design.stratum(), categories -> 1.0);
    Map<String, Double> responding = joint.expectation(design.stratum(), this::propensity);
    double allocated = design.allocation().values().stream().mapToDouble(Double::doubleValue).sum();
    long defaultSize = population.model().size();

    Map<String, Double> gross = new HashMap<>();
    double scale = 1;
    for (Map.Entry<String, Double> stratum : design.allocation().entrySet()) {
      String h = stratum.getKey();
      checkArgument(share.getOrDefault(h, 0.0) > 0, "Survey %s: stratum '%s' has no units in population '%s'", survey,
          h, population.name());
      double target = respondents * stratum.getValue() / allocated;
      double g = Math.max(1, Math.round(target * share.get(h) / responding.get(h)));
      gross.put(h, g);
      scale = Math.max(scale, g / (design.maxSamplingFraction() * defaultSize * share.get(h)));
    }
    long size = scale == 1 ? defaultSize : (long) Math.ceil(defaultSize * scale);
    Map<String, Double> cutoff = new HashMap<>();
    gross.forEach((h, g) -> cutoff.put(h, Math.min(1, (g + CANDIDATE_MARGIN_SD * Math.sqrt(g)
        + CANDIDATE_MARGIN_UNITS) / (size * share.get(h)))));
    return new SamplePlan(size, gross, cutoff);
  }

  /** The respondents, classified, with {@link Uniforms#ID}. */
  Dataset<Row> respondents(SparkSession spark, SamplePlan plan) {
    return respondents(population.units(spark, plan.populationSize()), plan);
  }

  /**
   * The respondents among {@code units} (the classified population of the plan's size). With replicated uniforms
   * the units come once per replicate and each replicate gets its own sample.
   */
  Dataset<Row> respondents(Dataset<Row> units, SamplePlan plan) {
    Column stratum = col(design.stratum());
    List<Column> partition = new ArrayList<>(uniforms.replicateColumns());
    partition.add(stratum);
    // Only units below the stratum's cut-off can be among its smallest uniforms; ranking just those is cheap.
    Dataset<Row> candidates = units
        .withColumn(SELECTION, uniforms.draw(survey + ".selection"))
        .where(col(SELECTION).lt(Draws.lookup(plan.cutoff(), stratum)));
    // The candidates are classified below the window, so the response filter above it reads plain columns
    // (pushed below the classification instead, it would inline every nested draw expression).
    return candidates
        .withColumn(RANK, row_number().over(Window.partitionBy(partition.toArray(Column[]::new)).orderBy(col(SELECTION), col(Uniforms.ID))))
        .where(col(RANK).leq(Draws.lookup(plan.gross(), stratum))
            .and(uniforms.draw(survey + ".response").lt(propensity())))
        .drop(SELECTION, RANK);
  }

  private double propensity(Map<String, String> categories) {
    ResponseFactors factors = design.responseFactors();
    return Math.min(1, design.response().get(categories.get(design.stratum()))
        * factors.of(categories.get(factors.variable())));
  }

  private Column propensity() {
    ResponseFactors factors = design.responseFactors();
    Column factor = coalesce(Draws.lookup(factors.factors(), col(factors.variable())), lit(1.0));
    return least(lit(1.0), Draws.lookup(design.response(), col(design.stratum())).multiply(factor));
  }
}

package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Classifications;
import dk.barometer.config.Codebook;
import dk.barometer.config.ComparisonDefinition;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.RakingSettings;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.config.ReplicateWeightsSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.estimation.BootstrapVariance;
import dk.barometer.estimation.ComparisonEstimator;
import dk.barometer.estimation.IndicatorEstimator;
import dk.barometer.estimation.TaylorVariance;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.weighting.DesignWeights;
import dk.barometer.weighting.ReplicateWeighting;
import dk.barometer.weighting.SurveyWeighting;
import dk.barometer.weighting.WeightedSample;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The statistical steps of one survey of one wave, after validation and harmonisation: weighting to the register
 * ({@link SurveyWeighting}), then every indicator with its standard error and interval ({@link IndicatorEstimator},
 * {@link TaylorVariance}) and the comparisons of two of its domains ({@link ComparisonEstimator}). A wave run and the coverage simulation both take these steps from here, so the estimates
 * the simulation checks are the ones a run writes.
 */
public final class SurveyEstimation {
  private final String survey;
  private final int wave;
  private final SurveySettings settings;
  private final RakingSettings raking;
  private final Classifications classifications;
  private final SurveyWeighting weighting;
  private final IndicatorEstimator estimator;
  private final TaylorVariance variance;
  private final ComparisonEstimator comparisons;
  private final boolean hasIndicators;

  /**
   * The steps for {@code survey} of {@code wave}: its weighting settings, the indicators of {@code indicators} over
   * the {@code harmonised} codebook, their intervals by {@code reliability}, the {@code comparisons} of two of their
   * domains; {@code classifications} for the weighting's messages.
   */
  public SurveyEstimation(String survey, int wave, SurveySettings settings, RakingSettings raking,
                          Classifications classifications, ReliabilitySettings reliability,
                          IndicatorCatalog indicators, List<ComparisonDefinition> comparisons, Codebook harmonised) {
    this.survey = survey;
    this.wave = wave;
    this.settings = settings;
    this.raking = raking;
    this.classifications = classifications;
    this.weighting = new SurveyWeighting(survey, settings, raking, classifications);
    this.estimator = new IndicatorEstimator(indicators, harmonised);
    this.variance = new TaylorVariance(reliability);
    this.comparisons = new ComparisonEstimator(comparisons, estimator, reliability);
    this.hasIndicators = !indicators.forSurvey(survey).isEmpty();
  }

  /** The steps of conf/ for {@code survey}'s indicators of {@code indicators} (the catalogue, or a part of it). */
  public static SurveyEstimation of(BarometerConfig config, int wave, String survey, IndicatorCatalog indicators) {
    return new SurveyEstimation(survey, wave, config.settings().survey(survey), config.settings().raking(),
        config.classifications(), config.settings().reliability(), indicators,
        config.comparisons().forSurvey(survey), config.codebook(wave).harmonised());
  }

  public static SurveyEstimation of(BarometerConfig config, int wave, String survey) {
    return of(config, wave, survey, config.indicators());
  }

  /** The harmonised valid responses weighted to the register's margins. */
  public WeightedSample weigh(Dataset<Row> harmonised, RegisterMargins register) {
    return weighting.weigh(wave, harmonised, register);
  }

  /**
   * The weighted sample as a run wrote it to the warehouse: the harmonised responses with their stored weights
   * ({@link SurveyWeighting#stored}).
   */
  public WeightedSample stored(Dataset<Row> harmonisedWithWeights) {
    return weighting.stored(wave, harmonisedWithWeights);
  }

  /**
   * The survey's indicators with their uncertainty; empty when the catalogue has none for the survey. The cell
   * sums feed both the point estimates and their variance: {@code reuse} may persist them (it returns what to use).
   */
  public Optional<Dataset<Row>> indicators(WeightedSample sample, UnaryOperator<Dataset<Row>> reuse) {
    if (!hasIndicators) {
      return Optional.empty();
    }
    Dataset<Row> cellSums = reuse.apply(estimator.cellSums(sample));
    return Optional.of(variance.withUncertainty(sample, estimator.pointEstimates(sample, cellSums), cellSums));
  }

  /**
   * The weighted sample's rows with {@link ReplicateWeighting#REPLICATE_WEIGHTS}: {@code replicates} bootstrap
   * replicates, each calibrated to {@code register} by the sample's recipe; {@code reuse} may persist the rows with
   * their multipliers (it returns what to use).
   */
  public Dataset<Row> replicateWeights(WeightedSample sample, RegisterMargins register,
                                       ReplicateWeightsSettings replicates, UnaryOperator<Dataset<Row>> reuse) {
    return new ReplicateWeighting(survey, settings, raking, classifications, replicates).weigh(sample, register,
        reuse);
  }

  /**
   * Every indicator's numerator and base summed under each replicate weight of {@code replicateRows}, the sample's
   * rows with {@link ReplicateWeighting#REPLICATE_WEIGHTS} ({@link IndicatorEstimator#replicateSums}).
   */
  public Dataset<Row> replicateSums(Dataset<Row> replicateRows) {
    return estimator.replicateSums(survey, replicateRows, col(ReplicateWeighting.REPLICATE_WEIGHTS));
  }

  /**
   * {@code indicators} with their bootstrap standard error ({@link BootstrapVariance}) from {@code replicateSums}
   * ({@link #replicateSums}); a null one when there are none.
   */
  public Dataset<Row> withBootstrap(Dataset<Row> indicators, Optional<Dataset<Row>> replicateSums) {
    return replicateSums.map(sums -> BootstrapVariance.withStandardError(indicators, sums))
        .orElseGet(() -> BootstrapVariance.withoutStandardError(indicators));
  }

  /** The comparisons of two domains of the survey ({@link ComparisonEstimator}); no rows when it has none. */
  public Dataset<Row> comparisons(WeightedSample sample) {
    return comparisons.compare(sample);
  }

  /** {@link #weigh} then {@link #indicators}, nothing persisted: one sample's estimates as a run computes them. */
  public Dataset<Row> weighAndEstimate(Dataset<Row> harmonised, RegisterMargins register) {
    return indicators(weigh(harmonised, register), UnaryOperator.identity()).orElseThrow(() ->
        new IllegalArgumentException("no indicator of survey " + survey + " to estimate"));
  }

  /**
   * {@link #weighAndEstimate} with the bootstrap standard errors of {@code replicates} replicate weights drawn for
   * the sample ({@link #replicateWeights}, {@link #withBootstrap}), nothing persisted.
   */
  public Dataset<Row> weighAndEstimate(Dataset<Row> harmonised, RegisterMargins register,
                                       ReplicateWeightsSettings replicates) {
    WeightedSample sample = weigh(harmonised, register);
    Dataset<Row> indicators = indicators(sample, UnaryOperator.identity()).orElseThrow(() ->
        new IllegalArgumentException("no indicator of survey " + survey + " to estimate"));
    return withBootstrap(indicators, Optional.of(replicateSums(replicateWeights(sample, register, replicates,
        UnaryOperator.identity()))));
  }

  /**
   * The population values of the indicators: the point estimators on every unit of a population (a census of
   * harmonised rows), each with weight 1.
   */
  public Dataset<Row> populationValues(Dataset<Row> census) {
    Dataset<Row> weighted = census.withColumn(SurveyWeighting.WEIGHT, lit(1.0))
        .withColumn(DesignWeights.DESIGN_WEIGHT, lit(1.0))
        .withColumn(SurveyWeighting.CELL, lit("population"));
    return estimator.estimate(new WeightedSample(survey, wave, weighted, null, null));
  }
}

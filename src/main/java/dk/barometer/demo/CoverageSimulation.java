package dk.barometer.demo;

import static org.apache.spark.sql.functions.col;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.SimulationSettings;
import dk.barometer.estimation.BootstrapVariance;
import dk.barometer.ingest.Harmonisation;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.ingest.RegisterReader;
import dk.barometer.pipeline.SurveyEstimation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coverage check of the standard errors: repeated samples from one demo population, each drawn with the
 * survey's design, weighted and estimated exactly as a yearly run does ({@link SurveyEstimation}), and compared with the population value of each estimate
 * (the same estimator on every unit of the population, weight 1).
 *
 * <p>The population and its answers come from {@code population_seed}; the samples from {@code sample_seed} and
 * the replicate number, so every replicate is an independent draw from the same finite population. All samples are
 * drawn and answered in one pass (the population is read once per replicate inside one job) and cached; each
 * replicate is then a few small jobs on its own few thousand rows.
 */
public final class CoverageSimulation {
  private static final Logger LOG = LoggerFactory.getLogger(CoverageSimulation.class);
  private static final String REPLICATE = "replicate";
  private static final String SEPARATOR = "\u001f";
  private static final int CONCURRENT_REPLICATES = 4;

  private final BarometerConfig config;
  private final DemoGenerator generator;
  private final SimulationSettings settings;

  public CoverageSimulation(BarometerConfig config, int wave, SimulationSettings settings) {
    this.config = config;
    this.generator = DemoGenerator.forWave(config, wave);
    this.settings = settings;
  }

  /** Every checked estimate of every survey, in the order of {@code conf/simulation.yaml}. */
  public List<EstimateCoverage> run(SparkSession spark) {
    return DemoGenerator.withoutWholeStageCodegen(spark, () -> {
      List<EstimateCoverage> results = new ArrayList<>();
      for (String survey : settings.estimates().stream().map(SimulationSettings.SimulatedEstimate::survey)
          .distinct().toList()) {
        results.addAll(survey(spark, survey));
      }
      return results;
    });
  }

  private List<EstimateCoverage> survey(SparkSession spark, String survey) {
    List<IndicatorDefinition> indicators = settings.indicators(config.indicators(), survey);
    Codebook codebook = config.codebook(generator.wave());
    Harmonisation harmonisation = new Harmonisation(codebook);
    SurveyEstimation estimation = SurveyEstimation.of(config, generator.wave(), survey,
        config.indicators().withIndicators(indicators));
    DemoGenerator.SurveyGeneration generation = generator.generation(survey,
        new Uniforms(settings.populationSeed()), new Uniforms(settings.sampleSeed()).replicated(REPLICATE));
    SamplePlan plan = generation.draw().plan(generator.defaults().respondents(survey));
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> units = cache(generation.population().units(spark, plan.populationSize()), cached);
      RegisterMargins register = register(survey, generation, units);
      Map<String, Double> truth = truth(survey, estimation, harmonisation, generation, units);
      LOG.info("simulate {}: population of {} units, {} population values", survey, plan.populationSize(),
          truth.size());

      Dataset<Row> replicates = spark.range(settings.samples()).toDF(REPLICATE);
      Dataset<Row> samples = cache(harmonisation.apply(survey, generator.contract(survey,
          generation.answers().answer(generation.draw().respondents(units.crossJoin(replicates), plan)),
          col(REPLICATE)))
          // Sorted by replicate, the cache's batch statistics let each replicate's filter skip the others.
          .repartitionByRange(col(REPLICATE)).sortWithinPartitions(REPLICATE), cached);
      LOG.info("simulate {}: {} samples drawn, {} respondents in all", survey, settings.samples(), samples.count());

      Map<String, EstimateCoverage.Tally> tallies = new LinkedHashMap<>();
      // A replicate is a few jobs on a few thousand rows, mostly driver time: several run at once.
      ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_REPLICATES);
      try {
        List<Future<List<Row>>> pending = new ArrayList<>();
        for (int r = 0; r < settings.samples(); r++) {
          Dataset<Row> sample = samples.where(col(REPLICATE).equalTo(r)).drop(REPLICATE);
          SimulationSettings.BootstrapCheck bootstrap = settings.bootstrap();
          int number = r;
          pending.add(pool.submit(() -> (number < bootstrap.samples()
              ? estimation.weighAndEstimate(sample, register,
                  bootstrap.replicateWeights(settings.sampleSeed(), number))
              : BootstrapVariance.withoutStandardError(estimation.weighAndEstimate(sample, register)))
              .select("indicator_id", "domain", "domain_value", "category", "estimate", "se", "ci_low", "ci_high",
                  "base_n", BootstrapVariance.SE_BOOTSTRAP, "df").collectAsList()));
        }
        for (int r = 0; r < pending.size(); r++) {
          for (Row e : pending.get(r).get()) {
            String key = key(e);
            Double value = truth.get(key);
            if (value != null) { // a domain value the population lacks cannot occur in a sample of it
              tallies.computeIfAbsent(key, k -> new EstimateCoverage.Tally()).add(e.getDouble(4), nullable(e, 5),
                  nullable(e, 6), nullable(e, 7), e.getLong(8), value, nullable(e, 9),
                  e.isNullAt(10) ? null : e.getLong(10));
            }
          }
          if ((r + 1) % 50 == 0) {
            LOG.info("simulate {}: {} of {} samples estimated", survey, r + 1, settings.samples());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Coverage simulation interrupted", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
      List<EstimateCoverage> results = new ArrayList<>();
      tallies.forEach((key, tally) -> {
        String[] k = key.split(SEPARATOR, -1);
        results.add(tally.result(survey, k[0], k[1], k[2], k[3], truth.get(key)));
      });
      results.sort(Comparator.comparing((EstimateCoverage c) -> indicators.indexOf(indicators.stream()
              .filter(i -> i.id().equals(c.indicatorId())).findFirst().orElseThrow()))
          .thenComparing(EstimateCoverage::domain, Comparator.comparing(d -> !d.equals("total")))
          .thenComparing(EstimateCoverage::domainValue).thenComparing(EstimateCoverage::category));
      return results;
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** The population value of every estimate: the estimator on every unit of the population with weight 1. */
  private Map<String, Double> truth(String survey, SurveyEstimation estimation, Harmonisation harmonisation,
                                    DemoGenerator.SurveyGeneration generation, Dataset<Row> units) {
    Dataset<Row> census = harmonisation.apply(survey, generator.contract(survey, generation.answers().answer(units)));
    Map<String, Double> truth = new LinkedHashMap<>();
    for (Row r : estimation.populationValues(census)
        .select("indicator_id", "domain", "domain_value", "category", "estimate").collectAsList()) {
      truth.put(key(r), r.getDouble(4));
    }
    return truth;
  }

  private RegisterMargins register(String survey, DemoGenerator.SurveyGeneration generation, Dataset<Row> units) {
    RegisterCounts counts = generator.registerCounts();
    List<Row> rows = new ArrayList<>();
    for (Row r : generator.registerRows(survey, generation, units, counts)) {
      rows.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), (double) r.getLong(3),
          r.getString(4)));
    }
    return RegisterReader.of("demo population of " + survey + " (seed " + settings.populationSeed() + ")",
        counts.year(), rows);
  }

  /**
   * Materialises {@code rows} and cuts their lineage: the answer model's plan is huge, and every query on a plain
   * cached Dataset would match it against the cache again, seconds per replicate. The short plan left is cached
   * column-wise, whose batch statistics let a replicate's filter skip the other replicates' rows.
   */
  private static Dataset<Row> cache(Dataset<Row> rows, List<Dataset<Row>> cached) {
    Dataset<Row> persisted = rows.localCheckpoint().persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  private static String key(Row r) {
    return String.join(SEPARATOR, r.getString(0), r.getString(1), r.getString(2), r.getString(3));
  }

  private static Double nullable(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }
}

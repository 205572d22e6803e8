package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.estimation.IndicatorEstimator;
import dk.barometer.estimation.TaylorVariance;
import dk.barometer.ingest.Harmonisation;
import dk.barometer.ingest.InputErrors;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.RawResponses;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.ingest.RegisterReader;
import dk.barometer.ingest.ResponseContract;
import dk.barometer.ingest.ResponseReader;
import dk.barometer.publish.DiagnosticsTable;
import dk.barometer.publish.RunRecord;
import dk.barometer.publish.Table;
import dk.barometer.publish.Warehouse;
import dk.barometer.validate.ResponseValidator;
import dk.barometer.validate.ValidatedResponses;
import dk.barometer.weighting.DesignWeights;
import dk.barometer.weighting.SurveyWeighting;
import dk.barometer.weighting.WeightedSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One yearly run of a wave: read and validate both surveys, weight them, estimate every indicator, and replace the
 * wave in the Delta tables. Everything is computed before the first write, so input and weighting faults leave
 * the tables as they were; the run is recorded in {@code runs} whether it succeeds or fails.
 */
public final class WaveRun {
  private static final Logger LOG = LoggerFactory.getLogger(WaveRun.class);

  private final SparkSession spark;
  private final BarometerConfig config;
  private final Warehouse warehouse;

  public WaveRun(SparkSession spark, BarometerConfig config, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
  }

  /** A finished run: its record and the survey samples it weighted. */
  public record Outcome(RunRecord record, Map<String, WeightedSample> samples) {}

  public Outcome run(int wave, String input) {
    String runId = UUID.randomUUID().toString();
    Instant started = Instant.now();
    InputLayout layout = new InputLayout(input);
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> inputs = new ArrayList<>();
    String fingerprint = "";
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Codebook codebook = config.codebook(wave);
      fingerprint = config.fingerprint(wave);
      int registerYear = config.settings().wave(wave).registerYear();
      inputs.add(layout.register(registerYear));
      RegisterMargins register = timed("register", () -> new RegisterReader(spark).read(layout.register(registerYear),
          registerYear));

      Map<String, WeightedSample> samples = new LinkedHashMap<>();
      Map<String, ValidatedResponses> validated = new LinkedHashMap<>();
      for (String survey : config.settings().surveys().keySet()) {
        String dir = layout.responses(survey, wave);
        inputs.add(dir);
        ResponseContract contract = new ResponseContract(survey, wave, codebook, config.classifications(),
            config.settings().survey(survey).stratum());
        ValidatedResponses checked = timed("validate " + survey, () -> validate(contract, dir, counts));
        cached.add(checked.checked());
        validated.put(survey, checked);
        Dataset<Row> concepts = new Harmonisation(codebook).apply(survey, checked.valid());
        WeightedSample sample = timed("weight " + survey, () -> new SurveyWeighting(survey,
            config.settings().survey(survey), config.settings().raking()).weigh(wave, concepts, register));
        LOG.info("weight {}", sample.diagnostics().summary());
        samples.put(survey, sample);
      }

      IndicatorEstimator estimator = new IndicatorEstimator(config.indicators(), codebook.harmonised());
      TaylorVariance variance = new TaylorVariance(config.settings().reliability());
      List<Dataset<Row>> perSurvey = new ArrayList<>();
      for (WeightedSample sample : samples.values()) {
        if (config.indicators().forSurvey(sample.survey()).isEmpty()) {
          continue;
        }
        // The long form feeds both the point estimates and their variance.
        Dataset<Row> longForm = estimator.longForm(sample).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(longForm);
        perSurvey.add(timed("variance " + sample.survey(), () -> variance.withUncertainty(sample,
            estimator.pointEstimates(sample, longForm), longForm)).withColumn("run_id", lit(runId)));
      }
      Dataset<Row> indicators = union(perSurvey);
      Dataset<Row> weights = union(samples.values().stream().map(s -> weightsOf(s, runId)).toList());
      Dataset<Row> rejects = union(validated.values().stream()
          .map(v -> v.rejects().withColumn("run_id", lit(runId))).toList());
      // Compute the indicators before the first write, so an estimation failure leaves every table untouched.
      Dataset<Row> estimates = indicators.persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(estimates);
      counts.put("indicators", timed("estimate", estimates::count));

      timed("write", () -> {
        for (WeightedSample sample : samples.values()) {
          warehouse.replaceWave(Table.responses(sample.survey()), wave,
              sample.rows().drop(DesignWeights.DESIGN_WEIGHT, DesignWeights.STRATUM_POPULATION,
                  SurveyWeighting.RAKE_FACTOR, SurveyWeighting.WEIGHT, SurveyWeighting.CELL)
                  .withColumn("run_id", lit(runId)));
        }
        warehouse.replaceWave(Table.WEIGHTS, wave, weights);
        warehouse.replaceWave(Table.WEIGHT_DIAGNOSTICS, wave, DiagnosticsTable.rows(spark, wave, runId,
            samples.values().stream().map(WeightedSample::diagnostics).toList()));
        warehouse.replaceWave(Table.REJECTS, wave, rejects);
        warehouse.replaceWave(Table.INDICATORS, wave, estimates);
        return null;
      });
      RunRecord record = RunRecord.succeeded(runId, wave, started, Instant.now(), inputs, fingerprint, counts);
      warehouse.append(Table.RUNS, record.toRow(spark));
      return new Outcome(record, samples);
    } catch (RuntimeException e) {
      recordFailure(RunRecord.failed(runId, wave, started, Instant.now(), inputs, fingerprint, counts, e));
      throw e;
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  private ValidatedResponses validate(ResponseContract contract, String dir, Map<String, Long> counts) {
    RawResponses raw = new ResponseReader(spark, contract).read(dir);
    ValidatedResponses validated = new ResponseValidator(contract).validate(raw.rows());
    // The checked rows feed the row counts, the valid rows and the rejects: read the files once.
    validated.checked().persist(StorageLevel.MEMORY_AND_DISK());
    long rows = 0;
    long rejected = 0;
    List<Row> perFile = validated.checked().groupBy(col(ResponseReader.SOURCE_FILE))
        .agg(count(lit(1)), sum(when(size(col(ValidatedResponses.FAULTS)).gt(0), 1L).otherwise(0L)))
        .collectAsList();
    Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    for (Row r : perFile) {
      rowsPerFile.put(r.getString(0), r.getLong(1));
      rows += r.getLong(1);
      rejected += r.getLong(2);
    }
    for (String file : raw.files()) {
      if (!rowsPerFile.containsKey(file)) {
        throw InputErrors.emptyFile(file);
      }
    }
    if (rows == rejected) {
      throw InputErrors.noValidRows(contract.describe() + " in " + dir, rejected);
    }
    counts.put(contract.survey() + "_rows", rows);
    counts.put(contract.survey() + "_rejected", rejected);
    LOG.info("validate {}: {} rows in {} file(s), {} rejected", contract.survey(), rows, rowsPerFile.size(),
        rejected);
    return validated;
  }

  private static Dataset<Row> union(List<Dataset<Row>> parts) {
    return parts.stream().reduce(Dataset::unionByName).orElseThrow();
  }

  private static Dataset<Row> weightsOf(WeightedSample sample, String runId) {
    return sample.rows().select(lit(sample.wave()).as("wave"), lit(sample.survey()).as("survey"),
        col(ResponseContract.RESPONDENT_ID), col("stratum").as("stratum"), col(DesignWeights.STRATUM_POPULATION),
        col(DesignWeights.DESIGN_WEIGHT), col(SurveyWeighting.RAKE_FACTOR), col(SurveyWeighting.WEIGHT),
        lit(runId).as("run_id"));
  }

  private void recordFailure(RunRecord record) {
    try {
      warehouse.append(Table.RUNS, record.toRow(spark));
    } catch (RuntimeException ignored) {
      // The warehouse itself may be what failed; the error that stopped the run is the one to report.
      LOG.warn("could not record the failed run in {}: {}", warehouse.path(Table.RUNS), ignored.getMessage());
    }
  }

  private static <T> T timed(String stage, java.util.function.Supplier<T> step) {
    long start = System.nanoTime();
    T result = step.get();
    LOG.info("stage {} done in {} s", stage, String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return result;
  }
}

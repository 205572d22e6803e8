package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.config.BarometerConfig;
import dk.barometer.testing.DemoInputs;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * A wave run with trimming and replicate weights both configured: the 2025 demo wave, the employer survey capped at
 * 3 times the median weight of its first raking. The full sample's largest weight is 2.54 times the median, so the
 * cap binds in the replicates only, where a respondent drawn twice or more may weigh more per copy. Every replicate
 * is trimmed under that cap and raked to the register margins, the full-sample weights are the untrimmed run's, and
 * the bootstrap standard errors stay centred on the Taylor ones. Tighter caps stop the run on the demo wave: a few
 * draws in 200 cannot settle under them (docs/method.md, replicate weights).
 */
class TrimmedReplicatesRunTest {
  private static final Map<String, Double> MAX_RATIO_TO_MEDIAN = Map.of("employer", 3.0);
  private static final Map<String, String> POPULATION = Map.of("employer", "firms", "employee", "employees");
  private static final List<String> MARGINS = List.of("industry", "region", "size_class");

  @Test
  void everyReplicateOfATrimmedWaveReproducesTheRegisterMargins() throws IOException {
    SparkSession spark = TestSpark.spark();
    Path input = DemoInputs.with(2025);
    Path conf = TestSpark.copyOfConf();
    Path settings = conf.resolve("barometer.yaml");
    String yaml = Files.readString(settings);
    for (Map.Entry<String, Double> k : MAX_RATIO_TO_MEDIAN.entrySet()) {
      String population = "    population: " + POPULATION.get(k.getKey()) + "\n";
      yaml = yaml.replace(population, population + "    trimming: {max_ratio_to_median: " + k.getValue() + "}\n");
    }
    Files.writeString(settings, yaml);
    Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("trimmed-warehouse").toString());

    new WaveRun(spark, BarometerConfig.load(conf), warehouse, TestKeys.pseudonymKey()).run(2025, input.toString());

    Dataset<Row> register = spark.read().parquet(input.resolve("register/year=2025").toString());
    Dataset<Row> replicates = warehouse.read(Table.REPLICATE_WEIGHTS);
    for (String survey : MAX_RATIO_TO_MEDIAN.keySet()) {
      // The untrimmed run of the same wave and seed: the same full-sample weights, and the same replicate weights
      // in the replicates where no copy exceeds the cap.
      Dataset<Row> untrimmed = DemoWarehouse.withTrends().read(Table.REPLICATE_WEIGHTS)
          .where(col("wave").equalTo(2025).and(col("survey").equalTo(survey)))
          .select(col("respondent_id"), col("weight").as("untrimmed_weight"),
              col("replicate_weights").as("untrimmed_replicates"));
      Row changed = replicates.where(col("survey").equalTo(survey)).join(untrimmed, "respondent_id")
          .select(col("weight"), col("untrimmed_weight"),
              posexplode(arrays_zip(col("replicate_weights"), col("untrimmed_replicates"))).as(new String[] {"r",
                  "pair"}))
          .groupBy().agg(max(abs(col("weight").minus(col("untrimmed_weight")))),
              countDistinct(when(abs(col("pair.replicate_weights").minus(col("pair.untrimmed_replicates")))
                  .gt(1e-6), col("r"))),
              countDistinct(col("r")))
          .first();
      assertThat(changed.getDouble(0)).as("%s: largest change of a full-sample weight", survey)
          .isLessThan(1e-9);
      assertThat(changed.getLong(1)).as("%s: replicates trimmed, of %s", survey, changed.getLong(2))
          .isPositive().isLessThan(changed.getLong(2));
      Dataset<Row> perReplicate = replicates.where(col("survey").equalTo(survey))
          .join(warehouse.read(Table.responses(survey)).drop("wave", "run_id", "respondent_pseudonym"),
              "respondent_id")
          .select(col("industry"), col("region"), col("size_class"),
              posexplode(col("replicate_weights")).as(new String[] {"r", "w"}));
      for (String margin : MARGINS) {
        Map<String, Double> counts = new java.util.TreeMap<>();
        register.where(col("population").equalTo(POPULATION.get(survey)).and(col("variable").equalTo(margin)))
            .collectAsList().forEach(row -> counts.put(row.getAs("category"), ((Number) row.getAs("count"))
                .doubleValue()));
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Row> sums = perReplicate.groupBy(col("r"), col(margin)).agg(sum("w")).collectAsList();
        assertThat(sums).as("%s %s: replicate x category", survey, margin).hasSize(200 * counts.size());
        for (Row s : sums) {
          assertThat(s.getDouble(2)).as("%s replicate %s: %s = %s", survey, s.getInt(0) + 1, margin,
              s.getString(1)).isCloseTo(counts.get(s.getString(1)), within(1e-8 * total));
        }
      }
    }
    Row agreement = warehouse.read(Table.INDICATORS).where("base_n >= 100 AND se > 0")
        .selectExpr("count(*)", "count(se_bootstrap)", "percentile(se_bootstrap / se, 0.5)").first();
    assertThat(agreement.getLong(1)).as("estimates with a bootstrap SE").isEqualTo(agreement.getLong(0));
    assertThat(agreement.getDouble(2)).as("median of se_bootstrap / se").isBetween(0.9, 1.1);
  }
}

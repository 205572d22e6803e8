package dk.barometer.weighting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.testing.TestSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.Tuple3;

/**
 * The multipliers on four strata worked out by hand: {@code sample} (n 5 of N 50: lambda = sqrt(1 - 5/50)),
 * {@code large} (n 20 of 10,000), {@code census} (all 8 units responded: f = 1) and {@code single} (one respondent).
 */
class BootstrapMultipliersTest {
  private static final int REPLICATES = 40;
  private static final Map<String, Long> SAMPLED = Map.of("sample", 5L, "large", 20L, "census", 8L, "single", 1L);
  private static final Map<String, Double> SIZES = Map.of("sample", 50.0, "large", 10_000.0, "census", 8.0,
      "single", 10.0);

  @Test
  void theSameSeedGivesTheSameMultipliersWhateverThePartitioningAndAnotherSeedOthers() {
    Map<Long, List<Double>> first = multipliers(7, respondents().coalesce(1));
    Map<Long, List<Double>> again = multipliers(7, respondents().repartition(4).orderBy(col("id").desc()));
    Map<Long, List<Double>> other = multipliers(8, respondents());
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.values()).allSatisfy(m -> assertThat(m).hasSize(REPLICATES));
  }

  /**
   * A replicate draws m_h = n_h - 1 times in a stratum, so the drawn counts of its respondents sum to m_h and the
   * multipliers' mean over the stratum is 1 - lambda + lambda (n_h / m_h)(m_h / n_h) = 1 in every replicate: the
   * expected multiplier, E[count] = m_h / n_h, is 1.
   */
  @Test
  void multipliersAreOneOnAverageInEveryStratumAndReplicate() {
    Map<Long, List<Double>> multipliers = multipliers(11, respondents());
    for (String stratum : List.of("sample", "large")) {
      for (int r = 0; r < REPLICATES; r++) {
        double sum = 0;
        for (long id : ids(stratum)) {
          sum += multipliers.get(id).get(r);
        }
        assertThat(sum / SAMPLED.get(stratum)).as("%s replicate %s", stratum, r + 1).isCloseTo(1, within(1e-12));
      }
    }
  }

  /** 1 - lambda + lambda (n / m) k for a count k in 0..m: with n 5 of 50, lambda = sqrt(0.9), n / m = 5 / 4. */
  @Test
  void eachMultiplierIsTheRescaledCountOfItsDraws() {
    double lambda = Math.sqrt(0.9);
    List<Double> allowed = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      allowed.add(1 - lambda + lambda * 5 / 4 * k);
    }
    Map<Long, List<Double>> multipliers = multipliers(3, respondents());
    for (long id : ids("sample")) {
      assertThat(multipliers.get(id)).allSatisfy(m -> assertThat(allowed).anySatisfy(a ->
          assertThat(m).isCloseTo(a, within(1e-12))));
    }
    assertThat(BootstrapMultipliers.lambda(5, 50)).isEqualTo(lambda);
  }

  /**
   * The multipliers of {@link DrawnMultipliers} against the draws written as Spark expressions: draw d of replicate
   * r in stratum h picks rank pmod(xxhash64(seed, r, h, d), n) + 1, each draw a row, counted per (h, rank, r), and a
   * rank drawn k times gets 1 - lambda + lambda (n / (n - 1)) k.
   */
  @Test
  void theMultipliersAreThoseOfTheDrawsOfSparksXxhash64() {
    long seed = 52381;
    Map<String, Long> sizes = Map.of("sample", 5L, "large", 20L, "C|4", 300L);
    Map<String, Double> lambdas = Map.of("sample", 0.9, "large", 0.5, "C|4", 0.25);
    List<Row> rows = new ArrayList<>();
    sizes.forEach((stratum, n) -> rows.add(RowFactory.create(stratum, n)));
    Map<String, Long> drawn = new HashMap<>();
    TestSpark.spark().createDataFrame(rows,
            new StructType().add("stratum", DataTypes.StringType).add("n", DataTypes.LongType))
        .withColumn("r", explode(sequence(lit(1), lit(REPLICATES))))
        .withColumn("d", explode(sequence(lit(1L), col("n").minus(1))))
        .withColumn("rank", pmod(xxhash64(lit(seed), col("r"), col("stratum"), col("d")), col("n")).plus(1))
        .groupBy("stratum", "rank", "r").count().collectAsList()
        .forEach(c -> drawn.put(c.getString(0) + " " + c.getLong(1) + " " + c.getInt(2), c.getLong(3)));
    List<Tuple3<String, Long, Double>> strata = new ArrayList<>();
    sizes.forEach((stratum, n) -> strata.add(new Tuple3<>(stratum, n, lambdas.get(stratum))));
    List<Row> multipliers = DrawnMultipliers.of(TestSpark.spark(), strata, REPLICATES, seed, "stratum", "rank",
        "multipliers").collectAsList();
    assertThat(multipliers).hasSize(5 + 20 + 300);
    for (Row row : multipliers) {
      String stratum = row.getString(0);
      long n = sizes.get(stratum);
      double lambda = lambdas.get(stratum);
      List<Double> ofRank = row.getList(2);
      for (int r = 1; r <= REPLICATES; r++) {
        long times = drawn.getOrDefault(stratum + " " + row.getLong(1) + " " + r, 0L);
        assertThat(ofRank.get(r - 1)).as("%s rank %s replicate %s", stratum, row.getLong(1), r)
            .isCloseTo(1 - lambda + lambda * n / (n - 1) * times, within(1e-12));
      }
    }
    assertThat(drawn.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(REPLICATES * (4 + 19 + 299));
  }

  @Test
  void aCensusStratumAndASingleRespondentGetOne() {
    Map<Long, List<Double>> multipliers = multipliers(5, respondents());
    for (String stratum : List.of("census", "single")) {
      for (long id : ids(stratum)) {
        assertThat(multipliers.get(id)).as(stratum).containsOnly(1.0);
      }
    }
  }

  private static Map<Long, List<Double>> multipliers(long seed, Dataset<Row> rows) {
    Map<Long, List<Double>> byId = new TreeMap<>();
    new BootstrapMultipliers(REPLICATES, seed).add(rows, "stratum", "id", SAMPLED, SIZES)
        .select("id", BootstrapMultipliers.MULTIPLIERS).collectAsList()
        .forEach(r -> byId.put(r.getLong(0), r.getList(1)));
    return byId;
  }

  private static Dataset<Row> respondents() {
    List<Row> rows = new ArrayList<>();
    Map<String, List<Long>> ids = idsByStratum();
    ids.forEach((stratum, list) -> list.forEach(id -> rows.add(RowFactory.create(id, stratum))));
    StructType schema = new StructType().add("id", DataTypes.LongType).add("stratum", DataTypes.StringType);
    return TestSpark.spark().createDataFrame(rows, schema);
  }

  private static List<Long> ids(String stratum) {
    return idsByStratum().get(stratum);
  }

  /** Ids not in stratum order, so that the ranking within a stratum is by id, not by position. */
  private static Map<String, List<Long>> idsByStratum() {
    Map<String, List<Long>> ids = new HashMap<>();
    long next = 1;
    for (int i = 0; i < 20; i++) {
      for (String stratum : List.of("sample", "large", "census", "single")) {
        if (ids.getOrDefault(stratum, List.of()).size() < SAMPLED.get(stratum)) {
          ids.computeIfAbsent(stratum, s -> new ArrayList<>()).add(next * 37 % 101);
          next++;
        }
      }
    }
    return ids;
  }
}

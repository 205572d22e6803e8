package dk.barometer.weighting;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple3;

/**
 * The bootstrap draws of each resampled stratum and the multipliers they give: for the respondent of rank k (1 to n)
 * of a stratum of n, drawn c_r times by replicate r, the multiplier {@code 1 - lambda + lambda (n / (n - 1)) c_r}
 * of each of the B replicates (element r - 1 for replicate r). Draw d (1 to n - 1) of replicate r picks rank
 * {@code pmod(xxhash64(seed, r, stratum, d), n) + 1}, Spark's own {@code xxhash64} of those four values, so the
 * multipliers are a function of the seed alone.
 *
 * <p>A generator, not a reading of rows: from a stratum's name, size and lambda it makes the (n - 1) x B draws in one
 * pass and gives a row per rank. Exploding the draws into rows and counting them in an aggregate put 20 million rows
 * through a hash map at 100,000 respondents, and the multipliers as an array transform evaluated 20 million
 * expressions: most of the replicate weights' time.
 */
final class DrawnMultipliers implements FlatMapFunction<Tuple3<String, Long, Double>, Tuple3<String, Long, double[]>> {
  /** Spark's seed of {@code xxhash64}. */
  private static final long XXHASH64_SEED = 42L;

  private final int replicates;
  private final long seed;

  private DrawnMultipliers(int replicates, long seed) {
    this.replicates = replicates;
    this.seed = seed;
  }

  /**
   * Columns {@code stratumColumn}, {@code rankColumn} and {@code multipliersColumn}, a row per rank of every stratum
   * of {@code strata}: (stratum, n of at least 2, lambda).
   */
  static Dataset<Row> of(SparkSession spark, List<Tuple3<String, Long, Double>> strata, int replicates, long seed,
                         String stratumColumn, String rankColumn, String multipliersColumn) {
    return spark.createDataset(strata, Encoders.tuple(Encoders.STRING(), Encoders.LONG(), Encoders.DOUBLE()))
        .flatMap(new DrawnMultipliers(replicates, seed),
            Encoders.tuple(Encoders.STRING(), Encoders.LONG(), spark.implicits().newDoubleArrayEncoder()))
        .toDF(stratumColumn, rankColumn, multipliersColumn);
  }

  @Override
  public Iterator<Tuple3<String, Long, double[]>> call(Tuple3<String, Long, Double> stratum) {
    long n = stratum._2();
    double lambda = stratum._3();
    // Replicate by replicate: one replicate's counts of the stratum's ranks stay in the processor's cache.
    int[][] counts = new int[replicates][Math.toIntExact(n)];
    UTF8String name = UTF8String.fromString(stratum._1());
    long ofSeed = XXH64.hashLong(seed, XXHASH64_SEED);
    for (int r = 1; r <= replicates; r++) {
      long ofStratum = XXH64.hashUTF8String(name, XXH64.hashInt(r, ofSeed));
      int[] ofReplicate = counts[r - 1];
      for (long d = 1; d < n; d++) {
        ofReplicate[(int) Math.floorMod(XXH64.hashLong(d, ofStratum), n)]++;
      }
    }
    double base = 1 - lambda;
    double scale = lambda * n / (n - 1.0);
    return new Iterator<>() {
      private int rank;

      @Override
      public boolean hasNext() {
        return rank < n;
      }

      @Override
      public Tuple3<String, Long, double[]> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        double[] multipliers = new double[replicates];
        for (int r = 0; r < replicates; r++) {
          multipliers[r] = base + scale * counts[r][rank];
        }
        rank++;
        return new Tuple3<>(stratum._1(), (long) rank, multipliers);
      }
    };
  }
}

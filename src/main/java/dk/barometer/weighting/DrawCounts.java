package dk.barometer.weighting;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The bootstrap draws of each stratum, counted: for the respondent of rank k (1 to n) of a stratum of n, how often
 * each of the B replicates drew it (element r - 1 for replicate r). Draw d (1 to n - 1) of replicate r picks rank
 * {@code pmod(xxhash64(seed, r, stratum, d), n) + 1}, Spark's own {@code xxhash64} of those four values, so the
 * counts are a function of the seed alone.
 *
 * <p>A generator, not a reading of rows: from a stratum's name and size it makes the (n - 1) x B draws in one pass
 * and gives a row per rank. Exploding the draws into rows and counting them in an aggregate put 20 million rows
 * through a hash map at 100,000 respondents, most of the replicate weights' time.
 */
final class DrawCounts implements FlatMapFunction<Tuple2<String, Long>, Tuple3<String, Long, int[]>> {
  /** Spark's seed of {@code xxhash64}. */
  private static final long XXHASH64_SEED = 42L;

  private final int replicates;
  private final long seed;

  private DrawCounts(int replicates, long seed) {
    this.replicates = replicates;
    this.seed = seed;
  }

  /** Columns {@code stratumColumn}, {@code rankColumn} and {@code countsColumn}, a row per rank of every stratum. */
  static Dataset<Row> of(SparkSession spark, Map<String, Long> strata, int replicates, long seed,
                         String stratumColumn, String rankColumn, String countsColumn) {
    List<Tuple2<String, Long>> sizes = new ArrayList<>();
    strata.forEach((stratum, n) -> sizes.add(new Tuple2<>(stratum, n)));
    return spark.createDataset(sizes, Encoders.tuple(Encoders.STRING(), Encoders.LONG()))
        .flatMap(new DrawCounts(replicates, seed),
            Encoders.tuple(Encoders.STRING(), Encoders.LONG(), spark.implicits().newIntArrayEncoder()))
        .toDF(stratumColumn, rankColumn, countsColumn);
  }

  @Override
  public Iterator<Tuple3<String, Long, int[]>> call(Tuple2<String, Long> stratum) {
    long n = stratum._2();
    int[][] counts = new int[Math.toIntExact(n)][replicates];
    UTF8String name = UTF8String.fromString(stratum._1());
    long ofSeed = XXH64.hashLong(seed, XXHASH64_SEED);
    for (int r = 1; r <= replicates; r++) {
      long ofStratum = XXH64.hashUTF8String(name, XXH64.hashInt(r, ofSeed));
      for (long d = 1; d < n; d++) {
        counts[(int) Math.floorMod(XXH64.hashLong(d, ofStratum), n)][r - 1]++;
      }
    }
    return new Iterator<>() {
      private int rank;

      @Override
      public boolean hasNext() {
        return rank < counts.length;
      }

      @Override
      public Tuple3<String, Long, int[]> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        rank++;
        return new Tuple3<>(stratum._1(), (long) rank, counts[rank - 1]);
      }
    };
  }
}

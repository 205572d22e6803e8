package dk.barometer.weighting;

import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The bootstrap draws of one stratum of n respondents, counted: element k - 1 holds, for the respondent of rank k,
 * how often each of the B replicates drew it (element r - 1 for replicate r). Draw d (1 to n - 1) of replicate r
 * picks rank {@code pmod(xxhash64(seed, r, stratum, d), n) + 1}, Spark's own {@code xxhash64} of those four values,
 * so the counts are a function of the seed alone.
 *
 * <p>A generator, not a reading of rows: it takes a stratum's name and size and makes (n - 1) x B draws in one
 * pass. Exploding the draws into rows and counting them in an aggregate cost 20 million rows through a hash map
 * at 100,000 respondents, most of the replicate weights' time.
 */
final class DrawCounts implements UDF2<String, Long, int[][]> {
  /** Spark's seed of {@code xxhash64}. */
  private static final long XXHASH64_SEED = 42L;

  private final int replicates;
  private final long seed;

  private DrawCounts(int replicates, long seed) {
    this.replicates = replicates;
    this.seed = seed;
  }

  /** (stratum, n) to the n respondents' counts, each an array of B counts. */
  static UserDefinedFunction of(int replicates, long seed) {
    return functions.udf(new DrawCounts(replicates, seed),
        DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.IntegerType, false), false));
  }

  @Override
  public int[][] call(String stratum, Long n) {
    int size = Math.toIntExact(n);
    int[][] counts = new int[size][replicates];
    UTF8String name = UTF8String.fromString(stratum);
    long ofSeed = XXH64.hashLong(seed, XXHASH64_SEED);
    for (int r = 1; r <= replicates; r++) {
      long ofStratum = XXH64.hashUTF8String(name, XXH64.hashInt(r, ofSeed));
      for (long d = 1; d < size; d++) {
        counts[(int) Math.floorMod(XXH64.hashLong(d, ofStratum), n)][r - 1]++;
      }
    }
    return counts;
  }
}

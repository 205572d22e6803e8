package dk.barometer.weighting;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * An aggregate of bootstrap draws, each the number (1 to B) of the replicate that drew a respondent: how often each
 * replicate drew the respondent, one count per replicate in one array (element r - 1 for replicate r). The counts
 * come out dense, so that a respondent's multipliers are a transform of the array, with no lookup per replicate.
 */
final class DrawCounts extends Aggregator<Integer, int[], int[]> {
  private final int replicates;
  private final Encoder<int[]> encoder;

  private DrawCounts(int replicates, Encoder<int[]> encoder) {
    this.replicates = replicates;
    this.encoder = encoder;
  }

  static UserDefinedFunction of(SparkSession spark, int replicates) {
    Encoder<int[]> encoder = spark.implicits().newIntArrayEncoder();
    return functions.udaf(new DrawCounts(replicates, encoder), Encoders.INT());
  }

  @Override
  public int[] zero() {
    return new int[replicates];
  }

  @Override
  public int[] reduce(int[] counts, Integer replicate) {
    counts[replicate - 1]++;
    return counts;
  }

  @Override
  public int[] merge(int[] a, int[] b) {
    for (int r = 0; r < a.length; r++) {
      a[r] += b[r];
    }
    return a;
  }

  @Override
  public int[] finish(int[] counts) {
    return counts;
  }

  @Override
  public Encoder<int[]> bufferEncoder() {
    return encoder;
  }

  @Override
  public Encoder<int[]> outputEncoder() {
    return encoder;
  }
}

package dk.barometer.estimation;

import dk.barometer.runtime.ElementwiseSum;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * An aggregate of two {@code array<double>} columns, a row's B replicate weights w and its K values v, that sums
 * v_k * w_r over the rows for every value k and replicate r: K x B sums in one array, value k's B sums at
 * {@code k * B} to {@code k * B + B - 1}. Every value of every estimate in a domain, under every replicate weight,
 * in one aggregate; most values of a row are 0 (an item outside its base), and those cost nothing.
 */
final class ReplicateWeightedSums extends Aggregator<Tuple2<double[], double[]>, double[], double[]> {
  private final Encoder<double[]> encoder;

  private ReplicateWeightedSums(Encoder<double[]> encoder) {
    this.encoder = encoder;
  }

  /** The aggregate, applied as {@code of(spark).apply(weights, values)}. */
  static UserDefinedFunction of(SparkSession spark) {
    Encoder<double[]> encoder = spark.implicits().newDoubleArrayEncoder();
    return functions.udaf(new ReplicateWeightedSums(encoder), Encoders.tuple(encoder, encoder));
  }

  /** The empty array: the sums of no rows, whatever the numbers of values and replicates. */
  @Override
  public double[] zero() {
    return new double[0];
  }

  @Override
  public double[] reduce(double[] sums, Tuple2<double[], double[]> row) {
    double[] weights = row._1();
    double[] values = row._2();
    int replicates = weights.length;
    double[] into = sums.length == 0 ? new double[values.length * replicates] : sums;
    if (into.length != values.length * replicates) {
      throw new IllegalArgumentException(into.length + " sums for " + values.length + " values and " + replicates
          + " replicate weights");
    }
    for (int k = 0; k < values.length; k++) {
      double value = values[k];
      if (value != 0) {
        int at = k * replicates;
        for (int r = 0; r < replicates; r++) {
          into[at + r] += value * weights[r];
        }
      }
    }
    return into;
  }

  @Override
  public double[] merge(double[] a, double[] b) {
    if (b.length == 0) {
      return a;
    }
    return a.length == 0 ? b : ElementwiseSum.added(a, b);
  }

  @Override
  public double[] finish(double[] sums) {
    return sums;
  }

  @Override
  public Encoder<double[]> bufferEncoder() {
    return encoder;
  }

  @Override
  public Encoder<double[]> outputEncoder() {
    return encoder;
  }
}

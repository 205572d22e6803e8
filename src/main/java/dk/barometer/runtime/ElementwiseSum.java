package dk.barometer.runtime;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * An aggregate that sums {@code array<double>} columns of equal length element by element: the sums of every item
 * of a survey in one aggregate, whose generated code stays the same size whatever the number of items (a column
 * per item made that code hundreds of kilobytes, compiled anew for every survey). Counts stay exact: doubles hold
 * integers up to 2^53.
 */
public final class ElementwiseSum extends Aggregator<double[], double[], double[]> {
  private final Encoder<double[]> encoder;

  private ElementwiseSum(Encoder<double[]> encoder) {
    this.encoder = encoder;
  }

  public static UserDefinedFunction of(SparkSession spark) {
    Encoder<double[]> encoder = spark.implicits().newDoubleArrayEncoder();
    return functions.udaf(new ElementwiseSum(encoder), encoder);
  }

  /** The empty array: the sum of no rows, whatever the length of the arrays summed. */
  @Override
  public double[] zero() {
    return new double[0];
  }

  @Override
  public double[] reduce(double[] sums, double[] values) {
    return sums.length == 0 ? values.clone() : added(sums, values);
  }

  @Override
  public double[] merge(double[] a, double[] b) {
    return b.length == 0 ? a : reduce(a, b);
  }

  /** {@code values} added to {@code sums} element by element, in place: {@code sums}. */
  public static double[] added(double[] sums, double[] values) {
    if (values.length != sums.length) {
      throw new IllegalArgumentException("arrays of " + sums.length + " and " + values.length + " sums");
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] += values[i];
    }
    return sums;
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

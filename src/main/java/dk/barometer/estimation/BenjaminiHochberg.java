package dk.barometer.estimation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * R's {@code p.adjust(p, method = "BH")} per family of tests, by window functions: with m the family's p-values and
 * i the position of p among them in ascending order, the running minimum of p m / i from the largest p down, capped
 * at 1. A null p (SE 0) is not counted in m, as p.adjust leaves NA out of n. Tied p-values get different positions,
 * but the running minimum's range frame takes ties together, so they share the value at the last of them, as in R.
 * (p m / i is a column of its own: a window function cannot sit inside another.)
 */
final class BenjaminiHochberg {
  private static final String STEP = "bh_step";

  private BenjaminiHochberg() {}

  /** {@code tests} with {@code adjusted}, the adjusted p of column {@code p} within {@code family}. */
  static Dataset<Row> adjusted(Dataset<Row> tests, String p, String adjusted, WindowSpec family) {
    Column pValue = col(p);
    Column step = pValue.multiply(count(pValue).over(family))
        .divide(row_number().over(family.orderBy(pValue.asc_nulls_last())));
    Column fromLargest = min(col(STEP)).over(family.orderBy(pValue.desc_nulls_last())
        .rangeBetween(Window.unboundedPreceding(), Window.currentRow()));
    return tests.withColumn(STEP, step)
        .withColumn(adjusted, when(pValue.isNotNull(), least(lit(1.0), fromLargest)))
        .drop(STEP);
  }
}

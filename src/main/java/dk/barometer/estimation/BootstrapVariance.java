package dk.barometer.estimation;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.zip_with;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The bootstrap standard error of every estimate from the replicate weights: the estimate recomputed under each
 * replicate's weights (the ratio of its replicate sums, {@link IndicatorEstimator#replicateSums}) and the standard
 * deviation of those B values, sqrt(sum_r (theta_r - theta_bar)^2 / (B - 1)), as R survey's {@code svrVar} for a
 * bootstrap design (centred at the replicates' mean). Each replicate weight is the full recipe re-run, so the spread
 * includes the raking's.
 */
public final class BootstrapVariance {
  /** The bootstrap standard error of an estimate, 0-1; null where the run drew no replicate weights. */
  public static final String SE_BOOTSTRAP = "se_bootstrap";

  private BootstrapVariance() {}

  /** {@code estimates} with {@link #SE_BOOTSTRAP} from {@code replicateSums}, placed after {@code se}. */
  public static Dataset<Row> withStandardError(Dataset<Row> estimates, Dataset<Row> replicateSums) {
    // A domain value's item without a base (not an estimate) has no replicate base either: null, not an error.
    Column thetas = zip_with(col("replicate_wy"), col("replicate_wb"), (wy, wb) -> try_divide(wy, wb));
    Dataset<Row> replicateEstimates = replicateSums.select(col("indicator_id"), col("domain"), col("domain_value"),
        col("category"), thetas.as("thetas"));
    Column replicates = size(col("thetas"));
    Column mean = aggregate(col("thetas"), lit(0.0), (sum, theta) -> sum.plus(theta)).divide(replicates);
    Column squares = aggregate(col("thetas"), lit(0.0), (sum, theta) -> sum.plus(theta.minus(mean)
        .multiply(theta.minus(mean))));
    Dataset<Row> standardErrors = replicateEstimates.select(col("indicator_id"), col("domain"), col("domain_value"),
        col("category"), sqrt(squares.divide(replicates.minus(1))).as(SE_BOOTSTRAP));
    return ordered(estimates.join(standardErrors, seq(IndicatorEstimator.KEYS), "left"), estimates.columns());
  }

  /** {@code estimates} with a null {@link #SE_BOOTSTRAP}: a run that draws no replicate weights. */
  public static Dataset<Row> withoutStandardError(Dataset<Row> estimates) {
    return ordered(estimates.withColumn(SE_BOOTSTRAP, lit(null).cast("double")), estimates.columns());
  }

  private static Dataset<Row> ordered(Dataset<Row> rows, String[] estimateColumns) {
    List<Column> columns = new ArrayList<>();
    for (String column : estimateColumns) {
      columns.add(col(column));
      if (column.equals("se")) {
        columns.add(col(SE_BOOTSTRAP));
      }
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  private static scala.collection.immutable.Seq<String> seq(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toSeq();
  }
}

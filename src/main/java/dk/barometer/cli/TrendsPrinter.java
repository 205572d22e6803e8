package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.query.DatasetResult;
import dk.barometer.query.QueryPrinter;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Prints the trends table: how many rows, changes significant after the Benjamini-Hochberg adjustment (and before
 * it) and series breaks, then the whole-population ones with both p-values, marked by the adjusted one.
 */
final class TrendsPrinter {
  private final PrintStream out;

  TrendsPrinter(PrintStream out) {
    this.out = out;
  }

  void print(Warehouse warehouse) {
    Dataset<Row> trends = warehouse.read(Table.TRENDS);
    Row summary = trends.agg(count(lit(1)), sum(when(col("significant_adjusted"), 1).otherwise(0)),
        sum(when(col("significant"), 1).otherwise(0)), sum(when(col("series_break"), 1).otherwise(0))).first();
    out.printf("Wrote %d trend rows to %s: %d significant at 5 %% after the Benjamini-Hochberg adjustment per survey "
            + "and pair of waves (%d before it), %d with a series break.%n%n", summary.getLong(0),
        warehouse.path(Table.TRENDS), orZero(summary, 1), orZero(summary, 2), orZero(summary, 3));
    new QueryPrinter(out).print(new DatasetResult(trends.where(col("domain").equalTo("total"))
        .select(col("survey"), col("indicator_id"), col("category"), col("previous_wave"), col("wave"),
            round(col("previous_estimate").multiply(100), 1).as("previous"),
            round(col("estimate").multiply(100), 1).as("estimate"), round(col("change_points"), 1).as("change"),
            round(col("se_change_points"), 1).as("se"), round(col("p_value"), 4).as("p_value"),
            round(col("p_adjusted"), 4).as("p_adjusted"), col("significant_adjusted"), col("series_break"))
        .orderBy("survey", "indicator_id", "category", "wave")), QueryPrinter.Format.TABLE, 1000);
  }

  /** A sum over no rows is null. */
  private static long orZero(Row summary, int i) {
    return summary.isNullAt(i) ? 0 : summary.getLong(i);
  }
}

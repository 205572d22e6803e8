package dk.barometer.testing;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.forall;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.zip_with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * Two tables with the same rows up to rounding: rows matched by their columns other than floating-point ones (a
 * key in every table compared), and their floating-point values (and arrays of them) within a relative tolerance
 * plus 1e-10. Two runs of one input on different partitionings add in a different order, and a small domain's
 * variance, a sum of residuals that nearly cancel, carries that order's last bits up to the 10th significant digit:
 * equal at 12 digits almost always, and not always at 10. Maps are left out.
 */
public final class TableComparison {
  /**
   * Added to the tolerance: a quantity that is 0 in exact arithmetic (the standard error of a share of 0 or 1) comes
   * out as a few 1e-12 of rounding, which the order of addition changes entirely.
   */
  private static final double ABSOLUTE = 1e-10;

  private TableComparison() {}

  /** Asserts that {@code actual} has the rows of {@code expected}, values within {@code relative}. */
  public static void assertSameRows(String what, Dataset<Row> actual, Dataset<Row> expected, double relative) {
    List<String> keys = columns(expected, false);
    assertThat(expected.select(keys.stream().map(k -> col(k)).toArray(Column[]::new)).distinct().count())
        .as("%s: rows with one key (the columns %s)", what, keys).isEqualTo(expected.count());
    List<Row> differing = differences(actual, expected, relative);
    assertThat(differing).as("%s: rows that differ (actual, then expected; null: no such row)", what).isEmpty();
  }

  /** The rows of either side without an equal on the other, each as the key and both sides' values. */
  private static List<Row> differences(Dataset<Row> actual, Dataset<Row> expected, double relative) {
    List<String> keys = columns(expected, false);
    List<String> values = columns(expected, true);
    Dataset<Row> a = actual.withColumn("present", lit(true)).as("a");
    Dataset<Row> e = expected.withColumn("present", lit(true)).as("e");
    Column sameKey = keys.stream().map(k -> col("a." + k).eqNullSafe(col("e." + k))).reduce(Column::and)
        .orElseThrow();
    Column same = col("a.present").isNotNull().and(col("e.present").isNotNull());
    for (String value : values) {
      same = same.and(close(col("a." + value), col("e." + value), expected.schema().apply(value).dataType(),
          relative));
    }
    Column[] shown = Stream.concat(keys.stream().map(k -> coalesce(col("a." + k), col("e." + k)).as(k)),
        values.stream().flatMap(v -> Stream.of(col("a." + v), col("e." + v)))).toArray(Column[]::new);
    return a.join(e, sameKey, "full_outer").where(coalesce(same, lit(false)).unary_$bang()).select(shown)
        .limit(20).collectAsList();
  }

  private static Column close(Column a, Column b, DataType type, double relative) {
    if (type instanceof ArrayType) {
      return a.eqNullSafe(b).or(size(a).equalTo(size(b))
          .and(forall(zip_with(a, b, (x, y) -> near(x, y, relative)), ok -> ok)));
    }
    return near(a, b, relative);
  }

  private static Column near(Column a, Column b, double relative) {
    return coalesce(a.eqNullSafe(b)
        .or(abs(a.minus(b)).leq(greatest(abs(a), abs(b)).multiply(relative).plus(ABSOLUTE))), lit(false));
  }

  /** The names of the floating-point columns (and arrays of them), or of the rest but maps, sorted. */
  private static List<String> columns(Dataset<Row> table, boolean floating) {
    return Arrays.stream(table.schema().fields())
        .filter(f -> !(f.dataType() instanceof MapType) && floating(f.dataType()) == floating)
        .map(StructField::name).sorted().toList();
  }

  private static boolean floating(DataType type) {
    return type instanceof DoubleType || type instanceof FloatType
        || type instanceof ArrayType array && floating(array.elementType());
  }
}

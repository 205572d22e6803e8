package dk.barometer.testing;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.List;
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
 * An order-independent checksum of a table's contents: the row count and the sum of a 64-bit hash of every row.
 * Rows may come in any order and partitioning; doubles (and arrays of them) are hashed at 10 significant digits, so
 * sums added in a different order (another partitioning, another machine) still agree: a small domain's variance
 * sums residuals that nearly cancel, and moved in the 12th digit between a cluster's and a local run of the same
 * wave. Below 1e-12 a double counts as 0: the standard deviation of equal replicate estimates is 0 in one order of
 * addition and 1e-17 in another. Columns that differ by design between two runs of the same input (run ids,
 * timestamps) are left out by name.
 */
public final class TableChecksum {
  private TableChecksum() {}

  public static String of(Dataset<Row> table, String... ignored) {
    List<String> skip = Arrays.asList(ignored);
    Column[] cells = Arrays.stream(table.schema().fields())
        .filter(f -> !skip.contains(f.name()) && !(f.dataType() instanceof MapType))
        .sorted(java.util.Comparator.comparing(StructField::name))
        .map(TableChecksum::hashable)
        .toArray(Column[]::new);
    // Decimal sum: a sum of 64-bit hashes overflows a long, which ANSI mode reports as an error.
    Row row = table.agg(count(lit(1)), sum(xxhash64(cells).cast("decimal(38,0)"))).first();
    return row.getLong(0) + " rows, hash sum " + (row.isNullAt(1) ? "0" : row.getDecimal(1).toPlainString());
  }

  private static Column hashable(StructField field) {
    Column c = col(field.name());
    if (field.dataType() instanceof ArrayType array && floating(array.elementType())) {
      return transform(c, TableChecksum::rounded).as(field.name());
    }
    return floating(field.dataType()) ? rounded(c).as(field.name()) : c;
  }

  private static Column rounded(Column x) {
    return format_string("%.10g", when(abs(x).lt(1e-12), lit(0.0)).otherwise(x));
  }

  private static boolean floating(DataType type) {
    return type instanceof DoubleType || type instanceof FloatType;
  }
}

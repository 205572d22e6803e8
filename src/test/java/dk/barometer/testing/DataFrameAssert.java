package dk.barometer.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compares a DataFrame with expected rows, ignoring row order; doubles are equal within a relative tolerance.
 * Failure messages show the first differing row and cell.
 */
public final class DataFrameAssert {
  private DataFrameAssert() {}

  public static void assertRowsEqual(Dataset<Row> actual, List<List<Object>> expected, double relativeTolerance) {
    List<List<Object>> actualRows = cells(actual);
    assertThat(actualRows).as("row count of %s", Arrays.toString(actual.columns())).hasSize(expected.size());
    List<List<Object>> a = sorted(actualRows);
    List<List<Object>> e = sorted(expected);
    for (int r = 0; r < a.size(); r++) {
      assertThat(a.get(r)).as("width of row %s", a.get(r)).hasSize(e.get(r).size());
      for (int c = 0; c < a.get(r).size(); c++) {
        Object av = a.get(r).get(c);
        Object ev = e.get(r).get(c);
        if (av instanceof Number an && ev instanceof Number en && (av instanceof Double || ev instanceof Double)) {
          double scale = Math.max(Math.abs(en.doubleValue()), 1e-300);
          if (Math.abs(an.doubleValue() - en.doubleValue()) > relativeTolerance * scale) {
            fail("Row %s column %s (%s): expected %s, got %s (relative tolerance %s)", r, c,
                actual.columns()[c], ev, av, relativeTolerance);
          }
        } else if (!String.valueOf(av).equals(String.valueOf(ev))) {
          fail("Row %s column %s (%s): expected %s, got %s%nactual rows: %s", r, c, actual.columns()[c], ev, av, a);
        }
      }
    }
  }

  /** As above, the expected rows being those of another DataFrame with the same columns. */
  public static void assertRowsEqual(Dataset<Row> actual, Dataset<Row> expected, double relativeTolerance) {
    assertRowsEqual(actual, cells(expected), relativeTolerance);
  }

  private static List<List<Object>> cells(Dataset<Row> rows) {
    List<List<Object>> all = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        cells.add(r.get(i));
      }
      all.add(cells);
    }
    return all;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    // Order by the non-floating cells, so tolerance differences cannot reorder rows.
    copy.sort(Comparator.comparing(row -> row.stream().filter(v -> !(v instanceof Double)).toList().toString()));
    return copy;
  }
}

package dk.barometer.demo;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.try_divide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The model's tables as Spark column expressions: table lookups by the row key of each unit, log-odds shifts and
 * draws from a uniform. Lookups are literal maps, so a draw is a few expressions per row and never a join.
 */
final class Draws {
  private Draws() {}

  /** The row key of each unit in a table conditional on {@code by} (see {@link TableKeys}). */
  static Column key(List<String> by) {
    if (by.isEmpty()) {
      return lit(TableKeys.ALL);
    }
    if (by.size() == 1) {
      return col(by.get(0)).cast("string");
    }
    return concat_ws(TableKeys.SEPARATOR, by.stream().map(v -> col(v).cast("string")).toArray(Column[]::new));
  }

  /** The value of {@code table} at {@code key}; null for a key the table lacks. */
  static Column lookup(Map<String, Double> table, Column key) {
    if (table.size() == 1 && table.containsKey(TableKeys.ALL)) {
      return lit(table.get(TableKeys.ALL));
    }
    List<Column> entries = new ArrayList<>();
    table.forEach((k, v) -> {
      entries.add(lit(k));
      entries.add(lit(v));
    });
    return element_at(map(entries.toArray(Column[]::new)), key);
  }

  /** One category of a {@link CategoricalModel}, drawn with the uniform {@code u}. */
  static Column categorical(CategoricalModel model, Column u) {
    Column key = key(model.by());
    List<String> categories = model.categories();
    if (model.shifts().isEmpty()) {
      // Cumulative probabilities per row key, computed here: one array lookup per unit.
      List<Column> entries = new ArrayList<>();
      model.shares().forEach((k, row) -> {
        entries.add(lit(k));
        entries.add(array(cumulative(categories.stream().map(c -> row.getOrDefault(c, 0.0)).toList()).stream()
            .map(functions::lit).toArray(Column[]::new)));
      });
      Column thresholds = entries.size() == 2 ? entries.get(1) : element_at(map(entries.toArray(Column[]::new)), key);
      List<Column> bounds = new ArrayList<>();
      for (int i = 1; i <= categories.size(); i++) {
        bounds.add(element_at(thresholds, i));
      }
      return below(categories, bounds, u);
    }
    List<Column> weights = new ArrayList<>();
    for (String category : categories) {
      Column weight = lookup(column(model.shares(), row -> row.getOrDefault(category, 0.0)), key);
      Column logOdds = lit(0.0);
      for (OddsShift shift : model.shifts()) {
        logOdds = logOdds.plus(shiftOf(shift.variable(), column(shift.logOdds(),
            row -> row.getOrDefault(category, 0.0))));
      }
      weights.add(weight.multiply(exp(logOdds)));
    }
    return pick(categories, weights, u);
  }

  /** The probability of a {@link ChanceModel} for each unit. */
  static Column chance(ChanceModel model) {
    return shifted(lookup(model.p(), key(model.by())), model.shifts());
  }

  /** The probability of {@code item} in an {@link ItemChances} table for each unit. */
  static Column item(ItemChances model, String item) {
    return shifted(lookup(column(model.p(), row -> row.get(item)), key(model.by())), model.shifts());
  }

  /** One answer code, drawn with {@code u} from code shares. */
  static Column code(Map<Integer, Double> shares, Column u) {
    return below(new ArrayList<>(shares.keySet()),
        cumulative(new ArrayList<>(shares.values())).stream().map(functions::lit).toList(), u);
  }

  /**
   * The label whose cumulative weight interval contains {@code u} times the total weight: a categorical draw with
   * probabilities proportional to {@code weights} (per-row columns, non-negative; null if all are 0).
   */
  static Column pick(List<?> labels, List<Column> weights, Column u) {
    Column total = weights.stream().reduce(Column::plus).orElseThrow();
    List<Column> bounds = new ArrayList<>();
    Column cumulative = lit(0.0);
    for (Column weight : weights) {
      cumulative = cumulative.plus(weight);
      // Null when every weight is 0, where ANSI division by zero would fail.
      bounds.add(try_divide(cumulative, total));
    }
    return below(labels, bounds, u);
  }

  /**
   * The first label whose cumulative probability bound exceeds {@code u} (the last label if none does). Branch-free
   * (1 + the number of bounds at or below u, as an array index): Spark evaluates {@code u} and the bounds once per
   * row, where the branches of a CASE WHEN would each recompute them.
   */
  private static Column below(List<?> labels, List<Column> bounds, Column u) {
    if (labels.size() == 1) {
      return lit(labels.get(0));
    }
    Column index = lit(1);
    for (int i = 0; i < labels.size() - 1; i++) {
      index = index.plus(u.geq(bounds.get(i)).cast("int"));
    }
    return element_at(array(labels.stream().map(functions::lit).toArray(Column[]::new)), index);
  }

  /** Cumulative shares, normalised to end at 1. */
  private static List<Double> cumulative(List<Double> shares) {
    double total = shares.stream().mapToDouble(Double::doubleValue).sum();
    List<Double> bounds = new ArrayList<>();
    double sum = 0;
    for (double share : shares) {
      sum += share;
      bounds.add(sum / total);
    }
    return bounds;
  }

  /** {@code p} moved by log-odds shifts: {@code sigmoid(logit(p) + sum of shifts)}. */
  private static Column shifted(Column p, List<LogitShift> shifts) {
    if (shifts.isEmpty()) {
      return p;
    }
    Column logOdds = log(p.divide(lit(1.0).minus(p)));
    for (LogitShift shift : shifts) {
      logOdds = logOdds.plus(shiftOf(shift.variable(), shift.logOdds()));
    }
    return lit(1.0).divide(lit(1.0).plus(exp(logOdds.multiply(-1.0))));
  }

  /** The log-odds of each unit's category of {@code variable}; 0 for categories the shift does not list. */
  private static Column shiftOf(String variable, Map<String, Double> logOdds) {
    return coalesce(lookup(logOdds, col(variable).cast("string")), lit(0.0));
  }

  /** One column of a table of rows, as a table from row key to value. */
  private static <V> Map<String, Double> column(Map<String, V> rows, Function<V, Double> value) {
    Map<String, Double> column = new LinkedHashMap<>();
    rows.forEach((key, row) -> column.put(key, value.apply(row)));
    return column;
  }
}

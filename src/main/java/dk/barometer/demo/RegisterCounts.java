package dk.barometer.demo;

import static org.apache.spark.sql.functions.col;

import dk.barometer.config.Classifications;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The register margins of a synthetic population, counted from its units: one row per category of each raking
 * variable and of the sampling stratum (register variable {@value #STRATUM}), in the long format of the input
 * contract. The units are aggregated once to their cells (a few hundred rows) and the margins summed from those.
 */
final class RegisterCounts {
  static final String STRATUM = "stratum";
  static final StructType SCHEMA = new StructType()
      .add("population", DataTypes.StringType, false)
      .add("variable", DataTypes.StringType, false)
      .add("category", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("source", DataTypes.StringType, false)
      .add("reference_year", DataTypes.IntegerType, false);

  private final Classifications classifications;
  private final int year;

  RegisterCounts(Classifications classifications, int year) {
    this.classifications = classifications;
    this.year = year;
  }

  int year() {
    return year;
  }

  List<Row> count(String population, Dataset<Row> units, List<String> margins, String stratumVariable,
                  String source) {
    Set<String> variables = new LinkedHashSet<>(margins);
    variables.add(stratumVariable);
    List<String> cellVariables = new ArrayList<>(variables);
    List<Row> cells = units.groupBy(cellVariables.stream().map(v -> col(v)).toArray(Column[]::new)).count()
        .collectAsList();
    List<Row> rows = new ArrayList<>();
    for (String variable : margins) {
      rows.addAll(margin(population, variable, counts(cells, cellVariables.indexOf(variable)), variable, source));
    }
    rows.addAll(margin(population, STRATUM, counts(cells, cellVariables.indexOf(stratumVariable)), stratumVariable,
        source));
    return rows;
  }

  private static Map<String, Long> counts(List<Row> cells, int index) {
    Map<String, Long> counts = new HashMap<>();
    for (Row cell : cells) {
      counts.merge(cell.getString(index), cell.getLong(cell.length() - 1), Long::sum);
    }
    return counts;
  }

  /** Rows in the order of the classification's codes; categories without units have no row (counts are positive). */
  private List<Row> margin(String population, String variable, Map<String, Long> counts, String classification,
                           String source) {
    List<Row> rows = new ArrayList<>();
    for (String category : classifications.get(classification).codeValues()) {
      Long count = counts.get(category);
      if (count != null) {
        rows.add(RowFactory.create(population, variable, category, count, source, year));
      }
    }
    return rows;
  }
}

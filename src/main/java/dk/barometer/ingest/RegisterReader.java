package dk.barometer.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the register margins of a reference year (long format: population, variable, category, count, source).
 * Missing, zero, negative or repeated counts are errors that name the file and the cell: a register count is never
 * guessed.
 */
public final class RegisterReader {
  static final List<String> COLUMNS = List.of("population", "variable", "category", "count", "source");

  private final SparkSession spark;

  public RegisterReader(SparkSession spark) {
    this.spark = spark;
  }

  public RegisterMargins read(String dir, int year) {
    String what = "register margins of " + year;
    List<String> files = ParquetFiles.list(spark, what, dir);
    Map<String, Map<String, Map<String, Double>>> counts = new TreeMap<>();
    Map<String, String> sources = new TreeMap<>();
    int rows = 0;
    for (String file : files) {
      Dataset<Row> df = ParquetFiles.open(spark, file).rows();
      List<String> missing = COLUMNS.stream().filter(c -> !List.of(df.columns()).contains(c)).toList();
      if (!missing.isEmpty()) {
        throw InputErrors.missingColumns(file, missing);
      }
      // Register tables are small aggregates (tens of rows), so they are held on the driver.
      List<Row> collected = df.select(col("population").cast("string"), col("variable").cast("string"),
          col("category").cast("string"), col("count").try_cast("double"), col("source").cast("string"))
          .collectAsList();
      if (collected.isEmpty()) {
        throw InputErrors.emptyFile(file);
      }
      for (Row r : collected) {
        add(file, counts, r);
        sources.putIfAbsent(r.getString(0), r.isNullAt(4) ? "unnamed" : r.getString(4));
        rows++;
      }
    }
    if (rows == 0) {
      throw InputErrors.noFiles(what, dir);
    }
    return new RegisterMargins(year, dir, counts, sources, files);
  }

  /**
   * Register margins from rows already on the driver, (population, variable, category, count as double, source),
   * checked as a file's rows are; {@code location} names where they came from in errors.
   */
  public static RegisterMargins of(String location, int year, List<Row> rows) {
    Map<String, Map<String, Map<String, Double>>> counts = new TreeMap<>();
    Map<String, String> sources = new TreeMap<>();
    for (Row r : rows) {
      add(location, counts, r);
      sources.putIfAbsent(r.getString(0), r.isNullAt(4) ? "unnamed" : r.getString(4));
    }
    return new RegisterMargins(year, location, counts, sources, List.of(location));
  }

  private static void add(String file, Map<String, Map<String, Map<String, Double>>> counts, Row r) {
    String population = r.getString(0);
    String variable = r.getString(1);
    String category = r.getString(2);
    if (population == null || variable == null || category == null) {
      throw InputErrors.registerRowIncomplete(file, r);
    }
    if (r.isNullAt(3)) {
      throw InputErrors.registerCountMissing(file, population, variable, category);
    }
    double count = r.getDouble(3);
    if (!(count > 0)) {
      throw InputErrors.registerCountNotPositive(file, population, variable, category, count);
    }
    Map<String, Double> margin = counts.computeIfAbsent(population, p -> new HashMap<>())
        .computeIfAbsent(variable, v -> new LinkedHashMap<>());
    if (margin.put(category, count) != null) {
      throw InputErrors.registerCountRepeated(file, population, variable, category);
    }
  }
}

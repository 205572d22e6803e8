package dk.barometer.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;

import dk.barometer.ingest.ResponseContract;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import dk.barometer.weighting.ReplicateWeighting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The two layouts of a run's replicate weights, compared on the employee rows the run wrote: an array of B weights per
 * respondent (the layout of {@link Table#REPLICATE_WEIGHTS}) and a row per respondent and replicate (long). Each is
 * written anew from the run's table as a Delta table of its own, its files are measured, and the bootstrap query of
 * the documentation (the share of employees who use AI by size class, with its bootstrap SE) runs on each.
 */
public final class ReplicateLayouts {
  /** The item of the query: employees who use AI (answers 2 to 4 of {@code ai_use}) among those who answered. */
  private static final String ITEM = "ai_use";
  private static final String GROUP = "size_class";
  private static final String REPLICATE = "replicate";
  private static final String REPLICATE_WEIGHT = "replicate_weight";

  /** One layout: its rows, the seconds to write it, its bytes on disk and the seconds of the bootstrap query. */
  public record Layout(String name, long rows, double writeSeconds, long bytes, double querySeconds) {}

  /** Both layouts, and the largest difference between the two queries' bootstrap SEs (the same numbers, or a bug). */
  public record Result(Layout array, Layout longForm, double maxSeDifference) {}

  private final SparkSession spark;

  public ReplicateLayouts(SparkSession spark) {
    this.spark = spark;
  }

  /** Writes both layouts of {@code tables}' replicate weights of {@code wave} under {@code dir} and queries each. */
  public Result measure(Warehouse tables, int wave, Path dir) {
    Dataset<Row> arrays = tables.read(Table.REPLICATE_WEIGHTS)
        .where(col("wave").equalTo(wave).and(col("survey").equalTo(RComparison.SURVEY)));
    // The same columns, the array in its place turned into a replicate number and a weight.
    List<Column> longColumns = new ArrayList<>();
    for (String column : arrays.columns()) {
      longColumns.add(column.equals(ReplicateWeighting.REPLICATE_WEIGHTS)
          ? posexplode(col(column)).as(new String[] {REPLICATE, REPLICATE_WEIGHT}) : col(column));
    }
    Dataset<Row> longForm = arrays.select(longColumns.toArray(Column[]::new));
    Dataset<Row> answers = tables.read(Table.responses(RComparison.SURVEY))
        .where(col("wave").equalTo(wave).and(col(ITEM).isNotNull()))
        .select(col(ResponseContract.RESPONDENT_ID), col(GROUP),
            col(ITEM).isin(2, 3, 4).cast("double").as("y"));

    Path arrayDir = dir.resolve("array");
    Path longDir = dir.resolve("long");
    double arrayWrite = written(arrays, arrayDir);
    double longWrite = written(longForm, longDir);
    Dataset<Row> arrayTable = spark.read().format("delta").load(arrayDir.toString());
    Dataset<Row> longTable = spark.read().format("delta").load(longDir.toString());

    long start = System.nanoTime();
    Map<String, Double> arraySes = standardErrors(answers.join(arrayTable, ResponseContract.RESPONDENT_ID)
        .select(col(GROUP), col("y"), posexplode(col(ReplicateWeighting.REPLICATE_WEIGHTS))
            .as(new String[] {REPLICATE, REPLICATE_WEIGHT})));
    double arrayQuery = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    Map<String, Double> longSes = standardErrors(answers.join(longTable, ResponseContract.RESPONDENT_ID)
        .select(col(GROUP), col("y"), col(REPLICATE), col(REPLICATE_WEIGHT)));
    double longQuery = (System.nanoTime() - start) / 1e9;

    if (!arraySes.keySet().equals(longSes.keySet())) {
      throw BenchErrors.layoutsDisagree(arraySes.keySet(), longSes.keySet());
    }
    double maxDifference = arraySes.entrySet().stream()
        .mapToDouble(e -> Math.abs(e.getValue() - longSes.get(e.getKey()))).max().orElse(0);
    return new Result(new Layout("array", arrayTable.count(), arrayWrite, bytes(arrayDir), arrayQuery),
        new Layout("long", longTable.count(), longWrite, bytes(longDir), longQuery), maxDifference);
  }

  /** The bootstrap SE of the share per group, from rows of (group, y, replicate, replicate weight). */
  private static Map<String, Double> standardErrors(Dataset<Row> replicateRows) {
    Column share = sum(col(REPLICATE_WEIGHT).multiply(col("y"))).divide(sum(col(REPLICATE_WEIGHT)));
    List<Row> rows = replicateRows.groupBy(col(GROUP), col(REPLICATE)).agg(share.as("estimate"))
        .groupBy(col(GROUP)).agg(stddev_samp(col("estimate")).as("se")).collectAsList();
    Map<String, Double> ses = new HashMap<>();
    rows.forEach(row -> ses.put(String.valueOf(row.get(0)), row.getDouble(1)));
    return ses;
  }

  private static double written(Dataset<Row> rows, Path dir) {
    long start = System.nanoTime();
    rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(dir.toString());
    return (System.nanoTime() - start) / 1e9;
  }

  private static long bytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException | UncheckedIOException e) {
      throw BenchErrors.layoutUnmeasured(dir, e);
    }
  }
}

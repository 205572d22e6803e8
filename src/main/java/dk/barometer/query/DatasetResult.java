package dk.barometer.query;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/** A Spark query's result as {@link QueryPrinter} prints it: arrays as [a, b], maps as {k: v}, structs as {a, b}. */
public record DatasetResult(Dataset<Row> dataset) implements QueryPrinter.Result {
  @Override
  public void cells(int limit, QueryPrinter.Rows rows) {
    rows.columns(List.of(dataset.columns()));
    each(dataset, limit, row -> rows.row(cells(row)));
  }

  @Override
  public void jsonLines(int limit, Consumer<String> line) {
    // The SQL function rather than Dataset.toJSON, whose closure a guarded session refuses as client code.
    each(dataset.select(to_json(struct(col("*")))), limit, row -> line.accept(row.getString(0)));
  }

  /** A capped result in one job; an uncapped one (an export) row by row, so that it need not fit in memory. */
  private static <T> void each(Dataset<T> dataset, int limit, Consumer<T> print) {
    if (limit == Integer.MAX_VALUE) {
      dataset.toLocalIterator().forEachRemaining(print);
    } else {
      dataset.limit(limit).collectAsList().forEach(print);
    }
  }

  private static List<String> cells(Row row) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      cells.add(text(row.get(i)));
    }
    return cells;
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return CollectionConverters.asJava(map).entrySet().stream()
          .map(e -> text(e.getKey()) + ": " + text(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof scala.collection.Iterable<?> seq) {
      return StreamSupport.stream(CollectionConverters.asJava(seq).spliterator(), false).map(DatasetResult::text)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Row struct) {
      return cells(struct).stream().collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }
}

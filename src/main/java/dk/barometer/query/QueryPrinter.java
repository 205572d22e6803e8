package dk.barometer.query;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/** Prints a query result as an aligned table, CSV (RFC 4180) or JSON lines. */
public final class QueryPrinter {
  public enum Format { TABLE, CSV, JSON }

  private final PrintStream out;

  public QueryPrinter(PrintStream out) {
    this.out = out;
  }

  public static Format format(String name) {
    try {
      return Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw QueryErrors.unknownFormat(name);
    }
  }

  /**
   * The most rows printed when {@code --limit} is not given: a screenful of a table, every row of CSV and JSON (an
   * export).
   */
  public static int defaultLimit(Format format) {
    return format == Format.TABLE ? 1000 : Integer.MAX_VALUE;
  }

  /** @param limit most rows printed, in every format; a table says so when there are more */
  public void print(Dataset<Row> result, Format format, int limit) {
    Dataset<Row> capped = limit == Integer.MAX_VALUE ? result : result.limit(limit);
    switch (format) {
      case JSON -> stream(capped.toJSON().toLocalIterator(), out::println);
      case CSV -> {
        out.println(csvLine(List.of(result.columns())));
        stream(capped.toLocalIterator(), row -> out.println(csvLine(cells(row))));
      }
      case TABLE -> printTable(result, limit);
    }
  }

  /**
   * Each element to {@code print}, then the iterator closed if it can be: a Spark Connect result holds Arrow
   * buffers until then, and its session refuses to stop over them.
   */
  private static <T> void stream(Iterator<T> elements, Consumer<T> print) {
    try {
      elements.forEachRemaining(print);
    } finally {
      if (elements instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) { // AutoCloseable declares Exception; the result's close frees memory only
          throw new IllegalStateException("Could not release a query result", e);
        }
      }
    }
  }

  private void printTable(Dataset<Row> result, int limit) {
    List<Row> rows = (limit == Integer.MAX_VALUE ? result : result.limit(limit + 1)).collectAsList();
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of(result.columns()));
    rows.stream().limit(limit).forEach(r -> lines.add(cells(r)));
    int[] widths = new int[result.columns().length];
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (int l = 0; l < lines.size(); l++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        sb.append(i == 0 ? "" : " | ").append(String.format("%-" + Math.max(1, widths[i]) + "s", lines.get(l).get(i)));
      }
      out.println(sb.toString().stripTrailing());
      if (l == 0) {
        out.println("-".repeat(sb.toString().stripTrailing().length()));
      }
    }
    out.printf("(%s)%n", rows.size() > limit ? "first " + limit + " rows; use --limit or --format csv for all"
        : rows.size() + " row" + (rows.size() == 1 ? "" : "s"));
  }

  private static List<String> cells(Row row) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      cells.add(text(row.get(i)));
    }
    return cells;
  }

  /** Arrays and maps as [a, b] and {k: v} rather than Scala's collection names. */
  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return CollectionConverters.asJava(map).entrySet().stream()
          .map(e -> text(e.getKey()) + ": " + text(e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof scala.collection.Iterable<?> seq) {
      return StreamSupport.stream(CollectionConverters.asJava(seq).spliterator(), false).map(QueryPrinter::text)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }

  private static String csvLine(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        sb.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}

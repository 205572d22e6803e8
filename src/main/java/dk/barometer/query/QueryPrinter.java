package dk.barometer.query;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints a query result as an aligned table, CSV (RFC 4180) or JSON lines. It knows results only as text
 * ({@link Result}), not Spark, so that the light client of a running endpoint prints as a local Spark session does.
 */
public final class QueryPrinter {
  public enum Format { TABLE, CSV, JSON }

  /** A query's result as text, fetched up to a number of rows. */
  public interface Result {
    /** The column names, then at most {@code limit} rows' cells as text (a null as the empty string). */
    void cells(int limit, Rows rows);

    /** At most {@code limit} rows, each as one JSON object. */
    void jsonLines(int limit, Consumer<String> line);
  }

  /** Where a result's cells go: the column names once, then each row. */
  public interface Rows {
    void columns(List<String> names);

    void row(List<String> cells);
  }

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
  public void print(Result result, Format format, int limit) {
    switch (format) {
      case JSON -> result.jsonLines(limit, out::println);
      case CSV -> result.cells(limit, new Rows() {
        @Override
        public void columns(List<String> names) {
          out.println(csvLine(names));
        }

        @Override
        public void row(List<String> cells) {
          out.println(csvLine(cells));
        }
      });
      case TABLE -> printTable(result, limit);
    }
  }

  private void printTable(Result result, int limit) {
    List<List<String>> lines = new ArrayList<>();
    result.cells(limit == Integer.MAX_VALUE ? limit : limit + 1, new Rows() {
      @Override
      public void columns(List<String> names) {
        lines.add(names);
      }

      @Override
      public void row(List<String> cells) {
        lines.add(cells);
      }
    });
    int rows = lines.size() - 1;
    int[] widths = new int[lines.get(0).size()];
    for (List<String> line : lines.subList(0, Math.min(lines.size(), limit + 1))) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (int l = 0; l < Math.min(lines.size(), limit + 1); l++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        sb.append(i == 0 ? "" : " | ").append(String.format("%-" + Math.max(1, widths[i]) + "s", lines.get(l).get(i)));
      }
      out.println(sb.toString().stripTrailing());
      if (l == 0) {
        out.println("-".repeat(sb.toString().stripTrailing().length()));
      }
    }
    out.printf("(%s)%n", rows > limit ? "first " + limit + " rows; use --limit or --format csv for all"
        : rows + " row" + (rows == 1 ? "" : "s"));
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

package dk.barometer.notebook;

import dk.barometer.report.BarChart;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A query result as an HTML table; decimals are cut to four places, so that shares stay readable. */
public final class HtmlTable {
  private HtmlTable() {}

  /** The first {@code limit} rows of {@code result}, and a note when there are more. */
  public static String of(Dataset<Row> result, int limit) {
    List<Row> rows = result.limit(limit + 1).collectAsList();
    StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
    for (String column : result.columns()) {
      html.append("<th>").append(BarChart.escape(column)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
      html.append("<tr>");
      for (int i = 0; i < row.length(); i++) {
        html.append("<td>").append(BarChart.escape(cell(row.get(i)))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>");
    if (rows.size() > limit) {
      html.append("\n<p>First ").append(limit).append(" rows.</p>");
    }
    return html.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}

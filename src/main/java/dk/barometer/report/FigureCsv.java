package dk.barometer.report;

import dk.barometer.config.ChartKind;
import dk.barometer.config.ReportFigure;
import java.util.List;
import java.util.Locale;

/**
 * A figure's points as CSV, for a reader's own tables: one row per bar or trend point with its labels (in the
 * edition's language), the percentage and interval, the base n and the 'u' flag, and for trends the change from the
 * previous wave with its p-values. Numbers are written with a decimal point whatever the language, as CSV readers
 * expect; fields with a comma, quote or line break are quoted.
 */
final class FigureCsv {
  private FigureCsv() {}

  static String of(ReportFigure figure, List<ChartPoint> points) {
    boolean trend = figure.kind() == ChartKind.TREND;
    StringBuilder csv = new StringBuilder(trend
        ? "series,wave,pct,ci_low_pct,ci_high_pct,base_n,flag,change_points,se_change_points,p_value,p_adjusted,"
            + "significant_adjusted,series_break\n"
        : "row,group,wave,pct,ci_low_pct,ci_high_pct,base_n,flag\n");
    for (ChartPoint p : points) {
      csv.append(field(p.row())).append(',');
      if (!trend) {
        csv.append(field(p.colour())).append(',');
      }
      csv.append(p.wave()).append(',').append(number(p.pct())).append(',').append(number(p.ciLow())).append(',')
          .append(number(p.ciHigh())).append(',').append(p.baseN()).append(',').append(field(p.flag()));
      if (trend) {
        Change c = p.change();
        csv.append(',').append(c == null ? "" : number(c.changePoints())).append(',')
            .append(c == null ? "" : number(c.seChangePoints())).append(',')
            .append(c == null ? "" : number(c.pValue())).append(',').append(c == null ? "" : number(c.pAdjusted()))
            .append(',').append(c == null ? "" : c.significantAdjusted()).append(',')
            .append(c == null ? "" : c.seriesBreak());
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%s", value);
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    return value.matches("(?s).*[\",\n\r].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}

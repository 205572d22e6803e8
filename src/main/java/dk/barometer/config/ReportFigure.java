package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/** One chart of the report ({@code conf/report.yaml} explains each field). */
public record ReportFigure(String id, String da, String en, ChartKind kind, List<ReportSeries> series,
                           List<String> domains, List<String> domainValues, ChartDimension rows,
                           ChartDimension colour, Integer top, String sort) {
  /** The {@code sort} that orders the rows by their estimate, largest first (categories with no natural order). */
  public static final String BY_VALUE = "value";

  public ReportFigure {
    checkArgument(id != null && id.matches("[a-z][a-z0-9_]*"), "Invalid report figure id '%s'", id);
    checkArgument(da != null && en != null, "Report figure %s needs a Danish (da) and an English (en) title", id);
    checkArgument(kind != null, "Report figure %s needs a kind (bars, stacked or trend)", id);
    checkArgument(series != null && !series.isEmpty(), "Report figure %s has no series", id);
    checkArgument(domains != null && !domains.isEmpty(), "Report figure %s has no domains", id);
    if (kind != ChartKind.TREND) {
      checkArgument(rows != null, "Report figure %s (%s) needs rows: category, domain_value or series", id,
          kind.name().toLowerCase(java.util.Locale.ROOT));
      checkArgument(rows != colour, "Report figure %s: rows and colour are both %s", id, rows);
    } else {
      checkArgument(rows == null, "Report figure %s (trend) takes no rows: its axis is the wave", id);
    }
    checkArgument(top == null || top > 0, "Report figure %s: top must be positive, not %s", id, top);
    checkArgument(sort == null || sort.equals(BY_VALUE), "Report figure %s: sort is '%s' or left out (the order of "
        + "conf/), not '%s'", id, BY_VALUE, sort);
    checkArgument(kind != ChartKind.STACKED || colour == ChartDimension.CATEGORY, "Report figure %s (stacked) "
        + "needs colour: category, the answers that add up to the whole bar", id);
    series = List.copyOf(series);
    domains = List.copyOf(domains);
    domainValues = domainValues == null ? List.of() : List.copyOf(domainValues);
  }

  public boolean sortedByValue() {
    return BY_VALUE.equals(sort);
  }
}

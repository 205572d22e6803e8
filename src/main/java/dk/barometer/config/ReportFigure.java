package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/** One chart of the report ({@code conf/report.yaml} explains each field). */
public record ReportFigure(String id, String da, String en, ChartKind kind, List<ReportSeries> series,
                           List<String> domains, List<String> domainValues, ChartDimension rows,
                           ChartDimension colour, Integer top) {
  public ReportFigure {
    checkArgument(id != null && id.matches("[a-z][a-z0-9_]*"), "Invalid report figure id '%s'", id);
    checkArgument(da != null && en != null, "Report figure %s needs a Danish (da) and an English (en) title", id);
    checkArgument(kind != null, "Report figure %s needs a kind (bars or trend)", id);
    checkArgument(series != null && !series.isEmpty(), "Report figure %s has no series", id);
    checkArgument(domains != null && !domains.isEmpty(), "Report figure %s has no domains", id);
    if (kind == ChartKind.BARS) {
      checkArgument(rows != null, "Report figure %s (bars) needs rows: category, domain_value or series", id);
      checkArgument(rows != colour, "Report figure %s: rows and colour are both %s", id, rows);
    } else {
      checkArgument(rows == null, "Report figure %s (trend) takes no rows: its axis is the wave", id);
    }
    checkArgument(top == null || top > 0, "Report figure %s: top must be positive, not %s", id, top);
    series = List.copyOf(series);
    domains = List.copyOf(domains);
    domainValues = domainValues == null ? List.of() : List.copyOf(domainValues);
  }
}

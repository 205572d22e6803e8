package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The figures of the HTML report in page order ({@code conf/report.yaml}), checked against the indicators. */
public record ReportFigures(List<ReportFigure> figures) {
  public ReportFigures {
    checkArgument(figures != null && !figures.isEmpty(), "report.yaml defines no figures");
    figures = List.copyOf(figures);
    Set<String> ids = new HashSet<>();
    for (ReportFigure f : figures) {
      checkArgument(ids.add(f.id()), "Report figure id '%s' is used twice", f.id());
    }
  }

  /** Reads {@code conf/report.yaml}; every series must name an indicator of {@code catalog} with the domains. */
  public static ReportFigures load(Path conf, IndicatorCatalog catalog) {
    ReportFigures report = Yaml.read(conf.resolve("report.yaml"), ReportFigures.class);
    for (ReportFigure figure : report.figures()) {
      for (ReportSeries series : figure.series()) {
        IndicatorDefinition indicator = catalog.forSurvey(series.survey()).stream()
            .filter(i -> i.id().equals(series.indicator())).findFirst().orElse(null);
        checkArgument(indicator != null, "report.yaml: figure %s uses indicator '%s', which survey '%s' does not "
            + "have in the indicator catalogue", figure.id(), series.indicator(), series.survey());
        for (String domain : figure.domains()) {
          checkArgument(indicator.domains().contains(domain), "report.yaml: figure %s needs indicator %s/%s by "
              + "domain '%s'; it has %s", figure.id(), series.survey(), series.indicator(), domain,
              indicator.domains());
        }
      }
    }
    return report;
  }
}

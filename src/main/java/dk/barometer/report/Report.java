package dk.barometer.report;

import dk.barometer.config.ChartKind;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportFigures;
import dk.barometer.report.Bar;
import dk.barometer.report.BarChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The static HTML report of a wave: every figure of {@code conf/report.yaml} regenerated from the labelled views
 * of the warehouse, written as {@code index.html} (self-contained: data, Vega-Lite specifications and scripts
 * inlined) and one SVG per chart ({@code svg/<figure>.svg}, the same chart as the page shows without JavaScript).
 * The session must have the views ({@link dk.barometer.query.LabelledViews}).
 */
public final class Report {
  private static final String SVG_NOTE = "Vægtede andele; streger: 95 %-konfidensintervaller; n: antal svar i "
      + "grundlaget; u: usikkert skøn";

  /** What was written: the page, the figures with a chart, and those without one. */
  public record Written(Path index, List<String> charts, List<String> omitted) {}

  private final SparkSession spark;
  private final ReportFigures figures;
  private final ReliabilitySettings reliability;

  public Report(SparkSession spark, ReportFigures figures, ReliabilitySettings reliability) {
    this.spark = spark;
    this.figures = figures;
    this.reliability = reliability;
  }

  /** Writes the report of {@code wave} into {@code out}; {@code warehouse} names the source in the page. */
  public Written write(int wave, String warehouse, Path out) {
    ReportData data = new ReportData(spark, figures);
    data.requireWave(wave, warehouse);
    List<Integer> waves = data.waves().stream().filter(w -> w <= wave).toList();
    List<Estimate> estimates = data.estimates(wave);
    List<Change> changes = data.changes(wave, warehouse);
    ReportPage page = new ReportPage(wave);
    List<String> charts = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    List<String> svgs = new ArrayList<>();
    for (ReportFigure figure : figures.figures()) {
      List<ChartPoint> points = FigurePoints.of(figure, estimates, changes, wave);
      long pointWaves = points.stream().mapToInt(ChartPoint::wave).distinct().count();
      if (points.isEmpty()) {
        omitted.add(figure.id());
        page.omitted(figure, "Ingen offentliggjorte skøn for bølge " + wave + " (spørgsmålet er ikke stillet, "
            + "eller grundlaget er for lille).");
      } else if (figure.kind() == ChartKind.TREND && pointWaves < 2) {
        omitted.add(figure.id());
        page.omitted(figure, "Udviklingen vises, når der er mindst to bølger; til og med " + wave + " har "
            + "tabellerne kun bølge " + waves.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
      } else {
        String svg = BarChart.svg(figure.da(), bars(figure, points), SVG_NOTE);
        page.figure(figure, points, VegaLiteSpec.of(figure, points), svg);
        charts.add(figure.id());
        svgs.add(svg);
      }
    }
    try {
      Files.createDirectories(out.resolve("svg"));
      for (int i = 0; i < charts.size(); i++) {
        Files.writeString(out.resolve("svg").resolve(charts.get(i) + ".svg"), svgs.get(i));
      }
      Path index = out.resolve("index.html");
      Files.writeString(index, page.html(warehouse, waves, reliability, ReportScripts.load()));
      return new Written(index, List.copyOf(charts), List.copyOf(omitted));
    } catch (IOException e) {
      throw ReportErrors.unwritable(out, e);
    }
  }

  /** The points as SVG bars: a trend's as one bar per wave, grouped by series. */
  private static List<Bar> bars(ReportFigure figure, List<ChartPoint> points) {
    boolean trend = figure.kind() == ChartKind.TREND;
    return points.stream().map(p -> new Bar(p.row(), trend ? String.valueOf(p.wave()) : p.colour(), p.pct() / 100,
        p.ciLow() == null ? null : p.ciLow() / 100, p.ciHigh() == null ? null : p.ciHigh() / 100, p.baseN(),
        p.flag())).toList();
  }
}

package dk.barometer.report;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.ChartKind;
import dk.barometer.config.Label;
import dk.barometer.config.PactChart;
import dk.barometer.config.PactCodebook;
import dk.barometer.config.Publication;
import dk.barometer.config.PublicationPhrase;
import dk.barometer.config.PublicationSection;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The publication of a wave in one language: the sections of {@code conf/publication.yaml} with their text and the
 * figures of {@code conf/report.yaml} regenerated from the labelled views of the warehouse, written as
 * {@code index.html} (self-contained: data, Vega-Lite specifications and scripts inlined), one SVG per chart
 * ({@code svg/<figure>.svg}, the same chart as the page shows without JavaScript) and one CSV per chart
 * ({@code csv/<figure>.csv}). A figure with nothing to show (no published estimate; a trend before the second wave)
 * is left out, and so is a section left without figures; the page says once what such a section will show. A
 * section on the AI competence pact shows the partners' counts of the wave's year ({@code pact_figures}): its charts,
 * and a table setting them beside the barometer's estimates ({@code v_pact_barometer}); a year without counts leaves
 * it out likewise.
 * The session must have the views ({@link dk.barometer.query.LabelledViews}).
 */
public final class Report {
  /** What was written: the page, the figures with a chart, and those left out. */
  public record Written(Path index, List<String> charts, List<String> omitted) {}

  private final SparkSession spark;
  private final BarometerConfig config;
  private final ReportFigures figures;
  private final Publication publication;

  public Report(SparkSession spark, BarometerConfig config, ReportFigures figures, Publication publication) {
    this.spark = spark;
    this.config = config;
    this.figures = figures;
    this.publication = publication;
  }

  /** Writes the {@code language} edition of {@code wave} into {@code out}; {@code warehouse} names it in errors. */
  public Written write(int wave, ReportLanguage language, String warehouse, Path out) {
    ReportText text = new ReportText(language, publication);
    ReportData data = new ReportData(spark, figures, publication, language);
    data.requireWave(wave, warehouse);
    List<Estimate> estimates = data.estimates(wave);
    List<Change> changes = data.changes(wave, warehouse);
    Map<String, Long> respondents = data.respondents(wave);
    List<PactCount> pactCounts = data.pactCounts(wave);
    SectionText sectionText = new SectionText(text, wave, estimates, changes, data.comparisons(wave), pactCounts);
    ChartNote notes = new ChartNote(text, publication.populations(), respondents, config.domainValues(),
        config.settings().reliability());
    ReportPage page = new ReportPage(wave, text);
    List<String> charts = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    Map<String, String> files = new HashMap<>();
    for (PublicationSection section : publication.sections()) {
      Map<ReportFigure, List<ChartPoint>> shown = new LinkedHashMap<>();
      for (String id : section.figures()) {
        ReportFigure figure = figure(id);
        List<ChartPoint> points = FigurePoints.of(figure, estimates, changes, wave, language);
        if (hasSomethingToShow(figure, points)) {
          shown.put(figure, points);
        } else {
          omitted.add(id);
        }
      }
      Map<PactChart, List<CountChart.Row>> counted = countCharts(section, pactCounts, text, omitted);
      if (shown.isEmpty() && counted.isEmpty()) {
        if (section.empty() != null) {
          pending.add(text.of(section.empty()));
        }
        continue;
      }
      page.section(section.id(), section.title(), sectionText.sentences(section));
      List<BesideBarometer> beside = counted.isEmpty() ? List.of() : data.besideBarometer(wave);
      if (!beside.isEmpty()) {
        page.besideBarometer(ReportText.fill(text.of(section.pact().besideBarometer()),
            Map.of("year", String.valueOf(wave)), "section " + section.id()), beside);
      }
      for (Map.Entry<PactChart, List<CountChart.Row>> entry : counted.entrySet()) {
        PactChart chart = entry.getKey();
        String title = text.of(chart.title());
        String svg = CountChart.svg(title, entry.getValue(), text.phrase(PublicationPhrase.COUNTED), text);
        String csv = "csv/" + chart.id() + ".csv";
        page.countFigure(chart.id(), chart.title(), entry.getValue(), CountChart.spec(title, entry.getValue(), text),
            svg, List.of(text.phrase(PublicationPhrase.NOTE_COUNTED, Map.of("year", String.valueOf(wave)))), csv);
        charts.add(chart.id());
        files.put("svg/" + chart.id() + ".svg", svg);
        files.put(csv, CountChart.csv(entry.getValue(), wave));
      }
      for (Map.Entry<ReportFigure, List<ChartPoint>> entry : shown.entrySet()) {
        ReportFigure figure = entry.getKey();
        List<ChartPoint> figurePoints = entry.getValue();
        String title = text.of(new Label(figure.da(), figure.en()));
        String svg = BarChart.svg(title, bars(figure, figurePoints), text.phrase(PublicationPhrase.NOTE_METHOD),
            text);
        String csv = "csv/" + figure.id() + ".csv";
        page.figure(figure, figurePoints, VegaLiteSpec.of(figure, figurePoints, text), svg,
            notes.of(figure, figurePoints, wave), csv);
        charts.add(figure.id());
        files.put("svg/" + figure.id() + ".svg", svg);
        files.put(csv, FigureCsv.of(figure, figurePoints));
      }
      page.endSection();
    }
    ReportData.Run run = data.run(wave);
    String published = text.phrase(PublicationPhrase.PUBLISHED, Map.of("publisher", text.of(publication.publisher()),
        "date", run.finished() == null ? "" : text.language().date(run.finished()), "run_id", run.id()));
    String html = page.html(text.of(publication.title()), text.of(publication.subtitle()),
        text.of(publication.publisher()), published,
        KeyFigures.of(publication.keyFigures(), estimates, wave, text), pending, method(text, respondents),
        ReportScripts.load());
    try {
      Files.createDirectories(out.resolve("svg"));
      Files.createDirectories(out.resolve("csv"));
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(out.resolve(file.getKey()), file.getValue());
      }
      Path index = out.resolve("index.html");
      Files.writeString(index, html);
      return new Written(index, List.copyOf(charts), List.copyOf(omitted));
    } catch (IOException e) {
      throw ReportErrors.unwritable(out, e);
    }
  }

  /** The section's charts of the pact's counts that have bars in the year; those without are {@code omitted}. */
  private Map<PactChart, List<CountChart.Row>> countCharts(PublicationSection section, List<PactCount> counts,
                                                           ReportText text, List<String> omitted) {
    Map<PactChart, List<CountChart.Row>> charts = new LinkedHashMap<>();
    if (section.pact() == null) {
      return charts;
    }
    PactCodebook codebook = PactCodebook.load(config);
    for (PactChart chart : section.pact().charts()) {
      List<CountChart.Row> rows = CountChart.rows(chart, counts, codebook, text);
      if (rows.isEmpty()) {
        omitted.add(chart.id());
      } else {
        charts.put(chart, rows);
      }
    }
    return charts;
  }

  private ReportFigure figure(String id) {
    return figures.figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  /** A figure shows something with an estimate, and a trend with estimates of two waves or more. */
  private static boolean hasSomethingToShow(ReportFigure figure, List<ChartPoint> points) {
    long waves = points.stream().mapToInt(ChartPoint::wave).distinct().count();
    return !points.isEmpty() && (figure.kind() != ChartKind.TREND || waves >= 2);
  }

  /** The method section's paragraphs, with each survey's respondents ({survey}_n) and the reliability limits. */
  private List<String> method(ReportText text, Map<String, Long> respondents) {
    Map<String, String> values = new HashMap<>();
    config.settings().surveys().keySet()
        .forEach(s -> values.put(s + "_n", text.count(respondents.getOrDefault(s, 0L))));
    values.put("low_below", text.count(config.settings().reliability().lowBelow()));
    values.put("suppress_below", text.count(config.settings().reliability().suppressBelow()));
    return publication.method().stream().map(p -> ReportText.fill(text.of(p), values, "method")).toList();
  }

  /** The points as SVG bars: a trend's as one bar per wave, grouped by series. */
  private static List<Bar> bars(ReportFigure figure, List<ChartPoint> points) {
    boolean trend = figure.kind() == ChartKind.TREND;
    return points.stream().map(p -> new Bar(p.row(), trend ? String.valueOf(p.wave()) : p.colour(), p.pct() / 100,
        p.ciLow() == null ? null : p.ciLow() / 100, p.ciHigh() == null ? null : p.ciHigh() / 100, p.baseN(),
        p.flag())).toList();
  }
}

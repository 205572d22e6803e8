package dk.barometer.report;

import static dk.barometer.report.BarChart.escape;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.barometer.config.ChartKind;
import dk.barometer.config.Label;
import dk.barometer.config.PublicationPhrase;
import dk.barometer.config.ReportFigure;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page in one language: a title page (title, publisher, date and run, the
 * key figures box, the contents), a section per subject with its text and figures, each figure with its chart, the
 * note under it, an accessible table of its figures and a link to them as CSV, and the method section. The section
 * on the AI competence pact has, before its charts, a table of the pact's counts beside the barometer's estimates.
 * Each chart is a pre-rendered SVG that vega-embed replaces with the interactive Vega-Lite chart when JavaScript runs;
 * readers without JavaScript, or when it fails, keep the SVG. Scripts are inlined, so the page opens offline. Errors
 * of the page's scripts are written into {@code <pre id="errors">}, where a reader (and the report test) sees them.
 * Printed (or as PDF), the page is A4 with each section on a new page.
 */
final class ReportPage {
  private static final String STYLE = """
      body { font-family: "Source Sans 3", "Segoe UI", system-ui, sans-serif; max-width: 60rem; margin: 0 auto;
             padding: 1.5rem; color: #1d2733; line-height: 1.5; font-size: 16px; }
      h1 { font-size: 2.4rem; margin: 0.2rem 0; color: #0b3a5d; }
      h2 { font-size: 1.6rem; color: #0b3a5d; margin: 1.5rem 0 0.6rem; }
      h3 { font-size: 1.1rem; margin: 0 0 0.4rem; }
      .publisher { text-transform: uppercase; letter-spacing: 0.08em; color: #51606f; margin: 0; }
      .subtitle { font-size: 1.25rem; color: #33414f; margin: 0 0 0.8rem; }
      .published, .pending { color: #51606f; font-size: 0.9rem; }
      .key-figures { background: #eef4f9; border-left: 6px solid #0b3a5d; padding: 0.6rem 1.2rem 1rem;
                     margin: 1.2rem 0; }
      .key-figures h2 { margin-top: 0.4rem; }
      .key-figures ul { list-style: none; padding: 0; margin: 0; display: grid;
                        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.8rem 1.6rem; }
      .key-figures .value { display: block; font-size: 1.9rem; font-weight: 700; color: #0b3a5d; }
      .key-figures .interval { color: #51606f; font-size: 0.85rem; white-space: nowrap; }
      .key-figures ol { margin: 0.2rem 0 0; padding-left: 1.2rem; }
      .lead p { margin: 0 0 0.6rem; }
      figure { margin: 1.6rem 0 2rem; padding-top: 1rem; border-top: 1px solid #d5dde5; }
      .chart { width: 100%; }
      .static svg { max-width: 100%; height: auto; }
      figcaption.note { font-size: 0.85rem; color: #3c4a57; margin-top: 0.4rem; }
      table { border-collapse: collapse; font-size: 0.85rem; margin-top: 0.4rem; }
      caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
      th, td { padding: 0.15rem 0.6rem; border-bottom: 1px solid #e3e8ed; text-align: left; }
      td.number { text-align: right; font-variant-numeric: tabular-nums; }
      table.beside-barometer { font-size: 0.95rem; margin: 0.8rem 0 1.2rem; }
      table.beside-barometer th .kind { font-weight: 400; color: #51606f; font-size: 0.85rem; }
      tr.unreliable td { color: #6b7783; }
      .download { font-size: 0.85rem; }
      #errors { color: #a00; white-space: pre-wrap; }
      @page { size: A4; margin: 16mm 14mm; }
      @media print {
        body { max-width: none; padding: 0; font-size: 11pt; }
        section.chapter { break-before: page; }
        figure { break-inside: avoid; }
        .download, nav a::after { display: none; }
      }
      """;
  /** Collects script errors into #errors; runs first, so it also sees errors of the Vega scripts. */
  private static final String ERROR_HOOK = """
      function reportError(message) {
        var errors = document.getElementById('errors');
        errors.hidden = false;
        errors.textContent += message + '\\n';
        errors.setAttribute('data-count', String(Number(errors.getAttribute('data-count') || 0) + 1));
      }
      window.addEventListener('error', function (e) { reportError('error: ' + e.message); });
      window.addEventListener('unhandledrejection', function (e) { reportError('rejected: ' + e.reason); });
      """;
  private static final String EMBED = """
      document.querySelectorAll('script[data-figure]').forEach(function (spec) {
        var id = spec.getAttribute('data-figure');
        vegaEmbed('#chart-' + id, JSON.parse(spec.textContent), {actions: false, renderer: 'svg'})
          .then(function () { document.getElementById('static-' + id).remove(); })
          .catch(function (e) { reportError(id + ': ' + e); });
      });
      """;

  private final int wave;
  private final ReportText text;
  private final StringBuilder contents = new StringBuilder();
  private final StringBuilder main = new StringBuilder();
  private int figureNumber;

  ReportPage(int wave, ReportText text) {
    this.wave = wave;
    this.text = text;
  }

  /** Opens a section: its title in the contents and the page, and its sentences. */
  void section(String id, Label title, List<String> sentences) {
    contents.append("<li><a href=\"#").append(id).append("\">").append(escape(text.of(title))).append("</a></li>\n");
    main.append("<section class=\"chapter\" id=\"").append(id).append("\">\n<h2>").append(escape(text.of(title)))
        .append("</h2>\n<div class=\"lead\">\n");
    sentences.forEach(s -> main.append("<p>").append(escape(s)).append("</p>\n"));
    main.append("</div>\n");
  }

  void endSection() {
    main.append("</section>\n");
  }

  /**
   * A figure drawn from {@code points}, with its Vega-Lite {@code spec}, pre-rendered {@code svg}, the {@code note}
   * under it and its figures as {@code csv} (a file beside the page).
   */
  void figure(ReportFigure figure, List<ChartPoint> points, ObjectNode spec, String svg, List<String> note,
              String csv) {
    String title = numbered(text.of(new Label(figure.da(), figure.en())));
    frame(figure.id(), title, spec, svg, note, table(title, figure, points), csv);
  }

  /** A chart of the pact's counts: as {@link #figure}, its table giving each count and its share of the total. */
  void countFigure(String id, Label title, List<CountChart.Row> rows, ObjectNode spec, String svg, List<String> note,
                   String csv) {
    String numbered = numbered(text.of(title));
    StringBuilder table = new StringBuilder("<table>\n<caption>").append(escape(numbered)).append("</caption>\n<tr>")
        .append(header(PublicationPhrase.ROW)).append(header(PublicationPhrase.COUNT))
        .append(header(PublicationPhrase.SHARE)).append("</tr>\n");
    for (CountChart.Row row : rows) {
      table.append("<tr>").append(cell(row.label(), false)).append(cell(text.count(row.count()), true))
          .append(cell(text.pct(100 * row.share()), true)).append("</tr>\n");
    }
    frame(id, numbered, spec, svg, note, table.append("</table>\n").toString(), csv);
  }

  /**
   * The pact's counts beside the barometer's estimates, a row per topic: each column names its source and how its
   * figures came about (counted, with no sampling error; or estimated, with the 95 % interval of each).
   */
  void besideBarometer(String caption, List<BesideBarometer> rows) {
    Map<String, BesideBarometer> bySource = new LinkedHashMap<>();
    rows.stream().sorted(Comparator.comparing(BesideBarometer::counted).reversed())
        .forEach(r -> bySource.putIfAbsent(r.source(), r));
    Collection<BesideBarometer> sources = bySource.values();
    main.append("<table class=\"beside-barometer\">\n<caption>").append(escape(caption)).append("</caption>\n<tr>")
        .append(header(PublicationPhrase.TOPIC));
    for (BesideBarometer source : sources) {
      main.append("<th scope=\"col\" data-kind=\"").append(escape(source.kind())).append("\">")
          .append(escape(source.sourceLabel())).append("<br><span class=\"kind\">").append(escape(text.phrase(
              source.counted() ? PublicationPhrase.COUNTED : PublicationPhrase.ESTIMATED))).append("</span></th>");
    }
    main.append("</tr>\n");
    rows.stream().map(BesideBarometer::topic).distinct().forEach(topic -> {
      List<BesideBarometer> onTopic = rows.stream().filter(r -> r.topic().equals(topic)).toList();
      main.append("<tr><th scope=\"row\">").append(escape(onTopic.get(0).topicLabel())).append("</th>");
      for (BesideBarometer source : sources) {
        String value = onTopic.stream().filter(r -> r.source().equals(source.source())).findFirst()
            .map(this::besideValue).orElse(text.phrase(PublicationPhrase.NOT_MEASURED));
        main.append("<td class=\"number\" data-kind=\"").append(escape(source.kind())).append("\">")
            .append(escape(value)).append("</td>");
      }
      main.append("</tr>\n");
    });
    main.append("</table>\n");
  }

  /** 314.000 personer; 38,2 %; an estimate with its interval: 12,3 % (10,1\u201314,6 %). */
  private String besideValue(BesideBarometer row) {
    if (row.unit().equals(BesideBarometer.PEOPLE)) {
      return text.count(Math.round(row.value())) + " " + text.phrase(PublicationPhrase.PEOPLE);
    }
    String interval = text.interval(row.ciLowPct(), row.ciHighPct());
    return text.pct(row.value()) + (interval.isEmpty() ? "" : " (" + interval + ")");
  }

  private String numbered(String title) {
    figureNumber++;
    return text.phrase(PublicationPhrase.FIGURE) + " " + figureNumber + ". " + title;
  }

  /** A figure as every chart has it: title, chart, its SVG, the note, its {@code table} in a fold, the CSV link. */
  private void frame(String id, String title, ObjectNode spec, String svg, List<String> note, String table,
                     String csv) {
    main.append("<figure id=\"").append(id).append("\">\n<h3>").append(escape(title)).append("</h3>\n")
        .append("<div class=\"chart\" id=\"chart-").append(id).append("\"></div>\n")
        .append("<div class=\"static\" id=\"static-").append(id).append("\">").append(svg).append("</div>\n")
        .append("<figcaption class=\"note\">").append(escape(String.join(" ", note))).append("</figcaption>\n")
        .append("<details><summary>").append(escape(text.phrase(PublicationPhrase.FIGURES_AND_BASES)))
        .append("</summary>\n").append(table).append("</details>\n")
        .append("<p class=\"download\"><a href=\"").append(escape(csv)).append("\" download>")
        .append(escape(text.phrase(PublicationPhrase.DOWNLOAD_CSV))).append("</a></p>\n")
        // "</" would end the script element; JSON reads "<\/" as "</".
        .append("<script type=\"application/json\" data-figure=\"").append(id).append("\">")
        .append(spec.toString().replace("</", "<\\/")).append("</script>\n</figure>\n");
  }

  /**
   * The page: {@code title} and {@code subtitle}, {@code published} (publisher, date, run), the key figures, the
   * contents with a sentence for each section left out ({@code pending}), the sections, then the {@code method}.
   */
  String html(String title, String subtitle, String publisher, String published, List<KeyFigures.Shown> keys,
              List<String> pending, List<String> method, List<String> scripts) {
    String methodTitle = text.phrase(PublicationPhrase.METHOD);
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(text.language().code())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append(' ').append(wave).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<pre id=\"errors\" hidden></pre>\n<script>\n").append(ERROR_HOOK)
        .append("</script>\n<header>\n<p class=\"publisher\">").append(escape(publisher)).append("</p>\n<h1>")
        .append(escape(title)).append(' ').append(wave).append("</h1>\n<p class=\"subtitle\">")
        .append(escape(subtitle)).append("</p>\n<p class=\"published\">").append(escape(published)).append("</p>\n")
        .append(keyFigures(keys))
        .append("<nav>\n<h2>").append(escape(text.phrase(PublicationPhrase.CONTENTS))).append("</h2>\n<ol>\n")
        .append(contents).append("<li><a href=\"#method\">").append(escape(methodTitle)).append("</a></li>\n</ol>\n");
    pending.forEach(p -> html.append("<p class=\"pending\">").append(escape(p)).append("</p>\n"));
    html.append("</nav>\n</header>\n<main>\n").append(main)
        .append("<section class=\"chapter\" id=\"method\">\n<h2>").append(escape(methodTitle)).append("</h2>\n");
    method.forEach(p -> html.append("<p>").append(escape(p)).append("</p>\n"));
    html.append("</section>\n</main>\n");
    for (String script : scripts) {
      html.append("<script>\n").append(script).append("\n</script>\n");
    }
    return html.append("<script>\n").append(EMBED).append("</script>\n</body>\n</html>\n").toString();
  }

  private String keyFigures(List<KeyFigures.Shown> keys) {
    if (keys.isEmpty()) {
      return "";
    }
    StringBuilder box = new StringBuilder("<section class=\"key-figures\" id=\"key-figures\">\n<h2>")
        .append(escape(text.phrase(PublicationPhrase.KEY_FIGURES))).append("</h2>\n<ul>\n");
    for (KeyFigures.Shown key : keys) {
      box.append("<li>");
      if (key.values().size() == 1 && key.values().get(0).category() == null) {
        KeyFigures.Value v = key.values().get(0);
        box.append("<span class=\"value\">").append(escape(v.pct())).append("</span> ").append(escape(key.what()))
            .append(" <span class=\"interval\">(").append(escape(v.interval())).append(")</span>");
      } else {
        box.append(escape(key.what())).append("\n<ol>\n");
        for (KeyFigures.Value v : key.values()) {
          box.append("<li><strong>").append(escape(v.pct())).append("</strong> ").append(escape(v.category()))
              .append(" <span class=\"interval\">(").append(escape(v.interval())).append(")</span></li>\n");
        }
        box.append("</ol>\n");
      }
      box.append("</li>\n");
    }
    return box.append("</ul>\n</section>\n").toString();
  }

  private String table(String title, ReportFigure figure, List<ChartPoint> points) {
    boolean trend = figure.kind() == ChartKind.TREND;
    boolean coloured = !trend && points.stream().anyMatch(p -> p.colour() != null);
    StringBuilder table = new StringBuilder("<table>\n<caption>").append(escape(title)).append("</caption>\n<tr>")
        .append(header(trend ? PublicationPhrase.SERIES : PublicationPhrase.ROW));
    table.append(coloured ? header(PublicationPhrase.GROUP) : "").append(trend ? header(PublicationPhrase.WAVE) : "")
        .append(header(PublicationPhrase.PERCENT)).append(header(PublicationPhrase.INTERVAL))
        .append(header(PublicationPhrase.BASE)).append(header(PublicationPhrase.RELIABILITY));
    if (trend) {
      table.append(header(PublicationPhrase.CHANGE)).append(header(PublicationPhrase.P_VALUE))
          .append(header(PublicationPhrase.P_ADJUSTED)).append("<th scope=\"col\"></th>");
    }
    table.append("</tr>\n");
    for (ChartPoint p : points) {
      table.append(p.flag().isEmpty() ? "<tr>" : "<tr class=\"unreliable\">").append(cell(p.row(), false));
      if (coloured) {
        table.append(cell(p.colour(), false));
      }
      if (trend) {
        table.append(cell(String.valueOf(p.wave()), true));
      }
      table.append(cell(text.pct(p.pct()), true)).append(cell(text.interval(p.ciLow(), p.ciHigh()), true))
          .append(cell(text.count(p.baseN()), true)).append(cell(text.reliability(p.flag()), false));
      if (trend) {
        Change c = p.change();
        table.append(cell(c == null ? "" : text.change(c), true))
            .append(cell(c == null ? "" : text.pValue(c), true))
            .append(cell(c == null ? "" : text.pAdjusted(c), true))
            .append(cell(c == null ? "" : text.remark(c), false));
      }
      table.append("</tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private String header(PublicationPhrase phrase) {
    return "<th scope=\"col\">" + escape(text.phrase(phrase)) + "</th>";
  }

  private static String cell(String value, boolean number) {
    return (number ? "<td class=\"number\">" : "<td>") + escape(value == null ? "" : value) + "</td>";
  }
}

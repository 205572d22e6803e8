package dk.barometer.report;

import static dk.barometer.report.BarChart.escape;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.barometer.config.ChartKind;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.config.ReportFigure;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML page (Danish, English subtitles): per figure its title, the chart, a table
 * of every estimate with its interval and base n, and where the figure is defined. Each chart is a pre-rendered SVG
 * that vega-embed replaces with the interactive Vega-Lite chart when JavaScript runs; readers without JavaScript, or
 * when it fails, keep the SVG. Scripts are inlined, so the page opens offline. Errors of the page's scripts are
 * written into {@code <pre id="errors">}, where a reader (and the report test) sees them.
 */
final class ReportPage {
  private static final String STYLE = """
      body { font-family: system-ui, sans-serif; max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem;
             color: #222; line-height: 1.4; }
      h1 { margin-bottom: 0.2rem; }
      h2 { margin: 0; font-size: 1.15rem; }
      .en { margin: 0.1rem 0 0.6rem; color: #666; font-style: italic; }
      section.figure { border-top: 1px solid #ccc; padding: 1rem 0 1.5rem; }
      .static svg { max-width: 100%; height: auto; }
      table { border-collapse: collapse; font-size: 0.85rem; margin-top: 0.4rem; }
      th, td { padding: 0.15rem 0.6rem; border-bottom: 1px solid #eee; text-align: left; }
      td.number { text-align: right; font-variant-numeric: tabular-nums; }
      tr.unreliable td { color: #777; }
      .source, .note { font-size: 0.8rem; color: #555; }
      .missing { color: #a33; }
      #errors { color: #a00; white-space: pre-wrap; }
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
  private final StringBuilder contents = new StringBuilder();
  private final StringBuilder figures = new StringBuilder();

  ReportPage(int wave) {
    this.wave = wave;
  }

  /** A figure drawn from {@code points}, with its Vega-Lite {@code spec} and pre-rendered {@code svg}. */
  void figure(ReportFigure figure, List<ChartPoint> points, ObjectNode spec, String svg) {
    open(figure);
    figures.append("<div class=\"chart\" id=\"chart-").append(figure.id()).append("\"></div>\n")
        .append("<div class=\"static\" id=\"static-").append(figure.id()).append("\">").append(svg).append("</div>\n")
        .append("<details><summary>Tal og grundlag (n)</summary>\n").append(table(figure, points))
        .append("</details>\n")
        // "</" would end the script element; JSON reads "<\/" as "</".
        .append("<script type=\"application/json\" data-figure=\"").append(figure.id()).append("\">")
        .append(spec.toString().replace("</", "<\\/")).append("</script>\n");
    close(figure);
  }

  /** A figure without a chart, saying why (no published estimate, or a trend with one wave). */
  void omitted(ReportFigure figure, String reason) {
    open(figure);
    figures.append("<p class=\"missing\">").append(escape(reason)).append("</p>\n");
    close(figure);
  }

  String html(String warehouse, List<Integer> waves, ReliabilitySettings reliability, List<String> scripts) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>AI-barometeret ").append(wave).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<pre id=\"errors\" hidden></pre>\n<script>\n").append(ERROR_HOOK)
        .append("</script>\n<header>\n<h1>AI-barometeret ").append(wave).append("</h1>\n")
        .append("<p class=\"en\">The AI Impact Barometer ").append(wave).append(": the report's figures</p>\n")
        .append("<p class=\"note\">Vægtede andele i procent af grundlaget. Streger: 95 %-konfidensintervaller. ")
        .append("n: det uvægtede antal svar i grundlaget. u: usikkert skøn (n under ").append(reliability.lowBelow())
        .append("), vist blegt; skøn med n under ").append(reliability.suppressBelow()).append(" vises ikke. ")
        .append("Beregnet fra tabellerne i <code>").append(escape(warehouse)).append("</code> (bølger ")
        .append(waves.stream().map(String::valueOf).collect(Collectors.joining(", ")))
        .append("); figurerne er defineret i <code>conf/report.yaml</code>. Udviklingsfigurer: ændring i ")
        .append("procentpoint fra forrige bølge; * signifikant på 5 %-niveau efter Benjamini-Hochberg-justering ")
        .append("over alle ændringer i samme undersøgelse mellem de to bølger (justeret p); p-værdi: ændringens egen, ")
        .append("ujusteret; brud: spørgsmålet er omformuleret, så ")
        .append("ændringen kan skyldes formuleringen.</p>\n<nav><ol>\n").append(contents)
        .append("</ol></nav>\n</header>\n<main>\n").append(figures).append("</main>\n");
    for (String script : scripts) {
      html.append("<script>\n").append(script).append("\n</script>\n");
    }
    return html.append("<script>\n").append(EMBED).append("</script>\n</body>\n</html>\n").toString();
  }

  private void open(ReportFigure figure) {
    contents.append("<li><a href=\"#").append(figure.id()).append("\">").append(escape(figure.da()))
        .append("</a></li>\n");
    figures.append("<section class=\"figure\" id=\"").append(figure.id()).append("\">\n<h2>")
        .append(escape(figure.da())).append("</h2>\n<p class=\"en\">").append(escape(figure.en())).append("</p>\n");
  }

  private void close(ReportFigure figure) {
    String series = figure.series().stream().map(s -> s.survey() + "/" + s.indicator()).distinct()
        .collect(Collectors.joining(", "));
    figures.append("<p class=\"source\">Figur <code>").append(figure.id()).append("</code> i conf/report.yaml: ")
        .append("indikator ").append(escape(series)).append(" (conf/indicators.yaml) efter ")
        .append(escape(String.join(", ", figure.domains()))).append(".</p>\n</section>\n");
  }

  private static String table(ReportFigure figure, List<ChartPoint> points) {
    boolean trend = figure.kind() == ChartKind.TREND;
    boolean coloured = !trend && points.stream().anyMatch(p -> p.colour() != null);
    StringBuilder table = new StringBuilder("<table>\n<tr><th>").append(trend ? "Serie" : "Række").append("</th>");
    table.append(coloured ? "<th>Gruppe</th>" : "").append(trend ? "<th>Bølge</th>" : "")
        .append("<th>Pct.</th><th>95 %-konfidensinterval</th><th>n</th><th>Flag</th>")
        .append(trend ? "<th>Ændring (procentpoint)</th><th>p-værdi</th><th>Justeret p</th><th></th>" : "")
        .append("</tr>\n");
    for (ChartPoint p : points) {
      table.append(p.flag().isEmpty() ? "<tr>" : "<tr class=\"unreliable\">").append(cell(p.row(), false));
      if (coloured) {
        table.append(cell(p.colour(), false));
      }
      if (trend) {
        table.append(cell(String.valueOf(p.wave()), true));
      }
      table.append(cell(ReportText.pct(p.pct()), true)).append(cell(ReportText.interval(p.ciLow(), p.ciHigh()), true))
          .append(cell(String.valueOf(p.baseN()), true)).append(cell(ReportText.reliability(p.flag()), false));
      if (trend) {
        Change c = p.change();
        table.append(cell(c == null ? "" : ReportText.change(c), true))
            .append(cell(c == null ? "" : ReportText.pValue(c), true))
            .append(cell(c == null ? "" : ReportText.pAdjusted(c), true))
            .append(cell(c == null ? "" : ReportText.remark(c), false));
      }
      table.append("</tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static String cell(String text, boolean number) {
    return (number ? "<td class=\"number\">" : "<td>") + escape(text == null ? "" : text) + "</td>";
  }
}

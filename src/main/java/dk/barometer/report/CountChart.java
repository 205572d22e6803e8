package dk.barometer.report;

import static dk.barometer.report.BarChart.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.barometer.config.CategoryCode;
import dk.barometer.config.Label;
import dk.barometer.config.PactChart;
import dk.barometer.config.PactCodebook;
import dk.barometer.config.PublicationPhrase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A chart of the AI competence pact's counts of the report's year: a figure of {@code pact_figures} by a breakdown,
 * one bar per code of {@code conf/pact.yaml} (in its order; a code without a count that year is left out) with the
 * count written at the bar. The counts are the partners' own totals: no interval, so no whisker, and no axis to
 * read them from but the numbers themselves. Drawn as Vega-Lite in the style of {@link VegaLiteSpec}, as an SVG for
 * readers without JavaScript, and written as CSV with a decimal point whatever the language.
 */
final class CountChart {
  /** One bar: the code's label in the edition's language, its count and its share of the figure's total. */
  record Row(String label, long count, double share) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PLOT_WIDTH = 360;
  private static final int ROW_HEIGHT = 24;
  private static final int TOP = 34;

  private CountChart() {}

  /** The bars of {@code chart} from {@code counts} of the year. */
  static List<Row> rows(PactChart chart, List<PactCount> counts, PactCodebook codebook, ReportText text) {
    return codebook.codesOf(chart.dimension()).stream()
        .map(code -> count(chart, code, counts).map(c -> new Row(text.of(new Label(code.da(), code.en())),
            c.count(), c.share())))
        .flatMap(Optional::stream).toList();
  }

  private static Optional<PactCount> count(PactChart chart, CategoryCode code, List<PactCount> counts) {
    return counts.stream().filter(c -> c.figure().equals(chart.figure()) && c.dimension().equals(chart.dimension())
        && c.value().equals(code.code())).findFirst();
  }

  static ObjectNode spec(String title, List<Row> rows, ReportText text) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("$schema", VegaLiteSpec.SCHEMA);
    spec.put("description", title);
    spec.put("width", "container");
    spec.putObject("autosize").put("type", "fit-x").put("contains", "padding");
    ArrayNode values = spec.putObject("data").putArray("values");
    for (Row row : rows) {
      values.addObject().put("row", VegaLiteSpec.wrap(row.label())).put("row_text", row.label())
          .put("count", row.count()).put("count_text", text.count(row.count()))
          .put("share_text", text.pct(100 * row.share()));
    }
    int lines = rows.stream().mapToInt(r -> VegaLiteSpec.wrap(r.label()).split("\n").length).max().orElse(1);
    spec.putObject("height").put("step", Math.max(ROW_HEIGHT + 4, 15 * lines + 10));
    ObjectNode encoding = spec.putObject("encoding");
    ObjectNode y = encoding.putObject("y").put("field", "row").put("type", "nominal");
    ArrayNode order = y.putArray("sort");
    rows.forEach(r -> order.add(VegaLiteSpec.wrap(r.label())));
    y.putNull("title");
    y.putObject("axis").put("labelLimit", 400).put("labelExpr", "split(datum.label, '\\n')")
        .put("labelPadding", 6).put("labelLineHeight", 15);
    // The numbers at the bars are the figures; an axis would write them in the browser's format, not the edition's.
    ObjectNode x = encoding.putObject("x").put("field", "count").put("type", "quantitative");
    x.putNull("axis");
    // Room after the largest bar for its number.
    x.putObject("scale").putArray("domain").add(0).add(1.25 * rows.stream().mapToLong(Row::count).max().orElse(1));
    ArrayNode tooltip = encoding.putArray("tooltip");
    VegaLiteSpec.tooltipField(tooltip, "row_text", text.phrase(PublicationPhrase.ROW));
    VegaLiteSpec.tooltipField(tooltip, "count_text", text.phrase(PublicationPhrase.COUNT));
    VegaLiteSpec.tooltipField(tooltip, "share_text", text.phrase(PublicationPhrase.SHARE));
    ArrayNode layers = spec.putArray("layer");
    layers.addObject().putObject("mark").put("type", "bar").put("color", VegaLiteSpec.COLOURS.get(0))
        .put("cornerRadiusEnd", 2);
    ObjectNode label = layers.addObject();
    label.putObject("mark").put("type", "text").put("align", "left").put("dx", 5).put("color", "#1d2733");
    label.putObject("encoding").putObject("text").put("field", "count_text");
    VegaLiteSpec.style(spec);
    return spec;
  }

  /** The chart as SVG: a bar per row with its count beside it, {@code note} under the bars. */
  static String svg(String title, List<Row> rows, String note, ReportText text) {
    int labelWidth = Math.max(120, 16 + 7 * rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
    long largest = Math.max(1, rows.stream().mapToLong(Row::count).max().orElse(1));
    int bottom = TOP + ROW_HEIGHT * rows.size();
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
            + "font-size=\"12\">%n<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        labelWidth + PLOT_WIDTH + 90, bottom + 28, escape(title)));
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double middle = TOP + ROW_HEIGHT * i + ROW_HEIGHT / 2.0;
      double width = PLOT_WIDTH * row.count() / (double) largest;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
              + "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
              + "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", labelWidth - 8, middle + 4, escape(row.label()),
          labelWidth, middle - (ROW_HEIGHT - 10) / 2.0, width, ROW_HEIGHT - 10, VegaLiteSpec.COLOURS.get(0),
          labelWidth + width + 4, middle + 4, escape(text.count(row.count()))));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\" font-size=\"11\">%s</text>%n",
        labelWidth, bottom + 18, escape(note)));
    return svg.append("</svg>").toString();
  }

  /** The rows as CSV: label, year, count and share (0-1). */
  static String csv(List<Row> rows, int year) {
    StringBuilder csv = new StringBuilder("row,year,count,share\n");
    for (Row row : rows) {
      csv.append(FigureCsv.field(row.label())).append(',').append(year).append(',').append(row.count()).append(',')
          .append(String.format(Locale.ROOT, "%s", row.share())).append('\n');
    }
    return csv.toString();
  }
}

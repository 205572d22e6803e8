package dk.barometer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.barometer.config.ChartKind;
import dk.barometer.config.Label;
import dk.barometer.config.PublicationPhrase;
import dk.barometer.config.ReportFigure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Vega-Lite specification of a figure in the report's own style, its points inlined as data and every number
 * already written in the edition's language:
 * <ul>
 *   <li>bars: horizontal bars with the 95 % interval as a whisker and the value at the bar (inside its start, or
 *       after the whisker when the bar is too short to hold it);</li>
 *   <li>stacked: a distribution's answers stacked to 100 % per row, in the answers' order and a sequential palette,
 *       each share written in its segment when it is wide enough;</li>
 *   <li>trend: a bar per wave and series, the latest wave darkest, with the change from the previous wave and its
 *       significance after the value.</li>
 * </ul>
 * The charts take the page's full width; long row labels are wrapped onto several lines, never cut. Low-reliability
 * estimates ('u') are pale and marked; tooltips give the interval, the base n and, for trends, the change and its
 * p-values.
 */
final class VegaLiteSpec {
  static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
  /** Series colours of the report's style, in order. */
  static final List<String> COLOURS = List.of("#0b3a5d", "#e07b39", "#3f8f7f", "#c9a227", "#8e5b9b", "#7a8a99",
      "#5b8fc7", "#b5523b", "#6f9a3b", "#d68fb8");
  /** Light to dark blues for ordered answers and for the waves of a trend (the latest darkest). */
  static final List<String> SEQUENTIAL = List.of("#c6dbef", "#9ecae1", "#6baed6", "#3a87c2", "#175a96",
      "#0b3a5d");
  /** Characters per line of a row label before it wraps. */
  static final int LABEL_LINE = 40;
  /** A bar's thickness in pixels. */
  private static final int BAR = 17;
  private static final String FONT = "\"Source Sans 3\", \"Segoe UI\", system-ui, sans-serif";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A bar shorter than this share of the axis has its value after the whisker, not inside. */
  private static final double INSIDE_FROM = 0.16;
  /** A stacked segment narrower than this many points has no value written in it. */
  private static final double SEGMENT_LABEL_FROM = 5;

  private final ReportFigure figure;
  private final List<ChartPoint> points;
  private final ReportText text;
  private final boolean coloured;

  private VegaLiteSpec(ReportFigure figure, List<ChartPoint> points, ReportText text) {
    this.figure = figure;
    this.points = points;
    this.text = text;
    this.coloured = figure.kind() == ChartKind.TREND || points.stream().anyMatch(p -> p.colour() != null);
  }

  static ObjectNode of(ReportFigure figure, List<ChartPoint> points, ReportText text) {
    return new VegaLiteSpec(figure, points, text).spec();
  }

  private ObjectNode spec() {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("$schema", SCHEMA);
    spec.put("description", text.of(new Label(figure.da(), figure.en())));
    spec.put("width", "container");
    spec.putObject("autosize").put("type", "fit-x").put("contains", "padding");
    double axisMax = figure.kind() == ChartKind.STACKED ? 100 : axisMax(points);
    spec.putObject("data").set("values", values(axisMax));
    int lines = points.stream().mapToInt(p -> wrap(p.row()).split("\n").length).max().orElse(1);
    int colours = (int) points.stream().map(this::colourOf).distinct().count();
    boolean offset = coloured && figure.kind() != ChartKind.STACKED;
    // Bars keep one thickness; a row whose label needs more lines than its bars take gets space between rows.
    int labelHeight = 15 * lines + 10;
    int barsHeight = offset ? BAR * colours : BAR + 8;
    ObjectNode height = spec.putObject("height").put("step", offset ? BAR : Math.max(labelHeight, barsHeight));
    ObjectNode encoding = spec.putObject("encoding");
    ObjectNode y = encoding.putObject("y").put("field", "row").put("type", "nominal");
    y.set("sort", distinct(points.stream().map(p -> wrap(p.row())).toList()));
    y.putNull("title");
    double padding = offset ? Math.max(0.15, 1 - barsHeight / (double) labelHeight)
        : 1 - BAR / (double) Math.max(labelHeight, barsHeight);
    y.putObject("scale").put("paddingInner", Math.round(padding * 100) / 100.0).put("paddingOuter", 0.1);
    y.putObject("axis").put("labelLimit", 400).put("labelExpr", "split(datum.label, '\\n')")
        .put("labelPadding", 6).put("labelLineHeight", 15);
    if (offset) {
      height.put("for", "offset");
      encoding.putObject("yOffset").put("field", "colour").set("sort", colourOrder());
    }
    ArrayNode layers = spec.putArray("layer");
    if (figure.kind() == ChartKind.STACKED) {
      stacked(layers);
    } else {
      bars(layers, axisMax);
    }
    style(spec);
    return spec;
  }

  private void bars(ArrayNode layers, double axisMax) {
    ObjectNode bar = layer(layers, "bar");
    bar.withObjectProperty("mark").put("cornerRadiusEnd", 2);
    ObjectNode x = quantitative(bar.withObjectProperty("encoding").putObject("x"), "pct", axisMax);
    x.put("title", text.phrase(PublicationPhrase.PERCENT_AXIS));
    x.putObject("axis").put("labelExpr", "datum.label + ' %'").put("tickCount", 5);
    colour(bar, coloured ? palette() : List.of(COLOURS.get(0)));
    bar.withObjectProperty("encoding").set("tooltip", tooltip());
    // A white line under the dark whisker keeps it visible across a dark bar as well as beside it.
    whisker(layers, "white", 3);
    whisker(layers, "#1d2733", 1.5);
    ObjectNode inside = layer(layers, "text");
    inside.putArray("transform").addObject().put("filter", "datum.inside");
    inside.withObjectProperty("mark").put("align", "left").put("dx", 5).put("color", "white")
        .put("fontWeight", "bold");
    inside.withObjectProperty("encoding").putObject("x").put("datum", 0).put("type", "quantitative");
    inside.withObjectProperty("encoding").putObject("text").put("field", "label");
    ObjectNode outside = layer(layers, "text");
    outside.putArray("transform").addObject().put("filter", "!datum.inside");
    outside.withObjectProperty("mark").put("align", "left").put("dx", 5).put("color", "#1d2733");
    quantitative(outside.withObjectProperty("encoding").putObject("x"), "label_at", axisMax);
    outside.withObjectProperty("encoding").putObject("text").put("field", "label");
  }

  private void stacked(ArrayNode layers) {
    ObjectNode bar = layer(layers, "bar");
    ObjectNode x = quantitative(bar.withObjectProperty("encoding").putObject("x"), "start", 100);
    x.put("title", text.phrase(PublicationPhrase.PERCENT_AXIS));
    x.putObject("axis").put("labelExpr", "datum.label + ' %'").put("tickCount", 5);
    bar.withObjectProperty("encoding").putObject("x2").put("field", "end");
    bar.withObjectProperty("mark").put("stroke", "white").put("strokeWidth", 1);
    colour(bar, palette());
    bar.withObjectProperty("encoding").set("tooltip", tooltip());
    ObjectNode label = layer(layers, "text");
    label.putArray("transform").addObject().put("filter", "datum.pct >= " + SEGMENT_LABEL_FROM);
    label.withObjectProperty("mark").put("align", "center");
    quantitative(label.withObjectProperty("encoding").putObject("x"), "middle", 100);
    label.withObjectProperty("encoding").putObject("text").put("field", "segment_label");
    ObjectNode color = label.withObjectProperty("encoding").putObject("color");
    color.putObject("condition").put("test", "datum.dark_segment").put("value", "white");
    color.put("value", "#1d2733");
  }

  private static void whisker(ArrayNode layers, String colour, double width) {
    ObjectNode rule = layer(layers, "rule");
    rule.withObjectProperty("mark").put("color", colour).put("strokeWidth", width);
    rule.withObjectProperty("encoding").putObject("x").put("field", "ci_low").put("type", "quantitative");
    rule.withObjectProperty("encoding").putObject("x2").put("field", "ci_high");
  }

  private static ObjectNode layer(ArrayNode layers, String mark) {
    ObjectNode layer = layers.addObject();
    layer.putObject("mark").put("type", mark);
    layer.putObject("encoding");
    return layer;
  }

  private static ObjectNode quantitative(ObjectNode channel, String field, double axisMax) {
    channel.put("field", field).put("type", "quantitative");
    channel.putObject("scale").putArray("domain").add(0).add(axisMax);
    return channel;
  }

  /** Colour by the points' colours in their order from {@code range}, pale where the estimate is flagged 'u'. */
  private void colour(ObjectNode layer, List<String> range) {
    ObjectNode encoding = layer.withObjectProperty("encoding");
    if (coloured) {
      ObjectNode colour = encoding.putObject("color").put("field", "colour").put("type", "nominal");
      colour.set("sort", colourOrder());
      ArrayNode scale = colour.putObject("scale").putArray("range");
      range.forEach(scale::add);
      // Long names get a line each, whole: a legend label is never cut.
      int longest = colours().stream().mapToInt(String::length).max().orElse(0);
      colour.putObject("legend").put("orient", "top").put("direction", "horizontal")
          .put("columns", longest > LABEL_LINE ? 1 : figure.kind() == ChartKind.STACKED ? 5 : 3)
          .put("labelLimit", 2000).putNull("title");
    } else {
      layer.withObjectProperty("mark").put("color", range.get(0));
    }
    ObjectNode opacity = encoding.putObject("opacity");
    opacity.putObject("condition").put("test", "datum.flag === 'u'").put("value", 0.45);
    opacity.put("value", 1);
  }

  /** The colours of the figure's colour values: ordered ones and waves in blues, others in the series colours. */
  private List<String> palette() {
    int n = colours().size();
    if (figure.kind() == ChartKind.STACKED || figure.kind() == ChartKind.TREND) {
      List<String> blues = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int from = n == 1 ? SEQUENTIAL.size() - 1
            : (int) Math.round(i * (SEQUENTIAL.size() - 1) / (double) (n - 1));
        blues.add(SEQUENTIAL.get(Math.max(from, figure.kind() == ChartKind.TREND ? 2 : 0)));
      }
      return blues;
    }
    return COLOURS;
  }

  private ArrayNode tooltip() {
    boolean trend = figure.kind() == ChartKind.TREND;
    ArrayNode tooltip = JSON.createArrayNode();
    tooltipField(tooltip, "row_text", text.phrase(trend ? PublicationPhrase.SERIES : PublicationPhrase.ROW));
    if (coloured && !trend) {
      tooltipField(tooltip, "colour", text.phrase(PublicationPhrase.GROUP));
    }
    tooltipField(tooltip, "wave", text.phrase(PublicationPhrase.WAVE));
    tooltipField(tooltip, "pct_text", text.phrase(PublicationPhrase.PERCENT));
    tooltipField(tooltip, "ci", text.phrase(PublicationPhrase.INTERVAL));
    tooltipField(tooltip, "n_text", text.phrase(PublicationPhrase.BASE));
    tooltipField(tooltip, "reliability", text.phrase(PublicationPhrase.RELIABILITY));
    if (trend) {
      tooltipField(tooltip, "change", text.phrase(PublicationPhrase.CHANGE));
      tooltipField(tooltip, "p_value", text.phrase(PublicationPhrase.P_VALUE));
      tooltipField(tooltip, "p_adjusted", text.phrase(PublicationPhrase.P_ADJUSTED));
    }
    return tooltip;
  }

  private ArrayNode values(double axisMax) {
    ArrayNode values = JSON.createArrayNode();
    Map<String, Double> stackedTo = new HashMap<>();
    List<String> colours = colours();
    for (ChartPoint p : points) {
      String pct = text.pct(p.pct()) + (p.flag().isEmpty() ? "" : " " + p.flag());
      ObjectNode v = values.addObject().put("row", wrap(p.row())).put("row_text", p.row())
          .put("wave", String.valueOf(p.wave())).put("pct", p.pct()).put("pct_text", pct)
          .put("n", p.baseN()).put("n_text", text.count(p.baseN())).put("flag", p.flag())
          .put("ci", text.interval(p.ciLow(), p.ciHigh())).put("reliability", text.reliability(p.flag()));
      String colour = colourOf(p);
      if (colour != null) {
        v.put("colour", colour);
      }
      if (p.ciLow() != null && p.ciHigh() != null) {
        v.put("ci_low", p.ciLow()).put("ci_high", p.ciHigh());
      }
      // Only a trend marks the change from the previous wave; other figures show the wave itself.
      String change = p.change() == null || figure.kind() != ChartKind.TREND ? ""
          : "  (" + text.changeMark(p.change()) + ")";
      v.put("label", pct + change);
      v.put("inside", p.flag().isEmpty() && p.pct() >= INSIDE_FROM * axisMax);
      v.put("label_at", p.ciHigh() == null ? p.pct() : Math.max(p.pct(), p.ciHigh()));
      if (figure.kind() == ChartKind.STACKED) {
        double start = stackedTo.getOrDefault(p.row(), 0.0);
        stackedTo.put(p.row(), start + p.pct());
        v.put("start", start).put("end", start + p.pct()).put("middle", start + p.pct() / 2)
            .put("segment_label", text.number(p.pct()))
            .put("dark_segment", colours.indexOf(colour) >= colours.size() / 2);
      }
      if (p.change() != null) {
        v.put("change", text.change(p.change())).put("p_value", text.pValue(p.change()))
            .put("p_adjusted", text.pAdjusted(p.change()));
      }
    }
    return values;
  }

  static void style(ObjectNode spec) {
    ObjectNode config = spec.putObject("config");
    config.put("font", FONT);
    config.putObject("view").putNull("stroke");
    config.putObject("axis").put("labelFontSize", 12).put("titleFontSize", 12).put("labelColor", "#1d2733")
        .put("titleColor", "#33414f").put("gridColor", "#e3e8ed").put("domain", false).put("ticks", false);
    config.putObject("axisY").put("grid", false);
    config.putObject("legend").put("labelFontSize", 12).put("symbolType", "square").put("symbolSize", 150);
    config.putObject("text").put("fontSize", 12);
  }

  /** A trend's colours are its waves (its rows, the series). */
  private String colourOf(ChartPoint p) {
    return figure.kind() == ChartKind.TREND ? String.valueOf(p.wave()) : p.colour();
  }

  private List<String> colours() {
    return points.stream().map(this::colourOf).filter(c -> c != null).distinct().toList();
  }

  private ArrayNode colourOrder() {
    return distinct(colours());
  }

  /** The label broken into lines of at most {@link #LABEL_LINE} characters at spaces (a longer word stays whole). */
  static String wrap(String label) {
    StringBuilder wrapped = new StringBuilder();
    int line = 0;
    for (String word : label.split(" ")) {
      if (line > 0 && line + 1 + word.length() > LABEL_LINE) {
        wrapped.append('\n');
        line = 0;
      } else if (line > 0) {
        wrapped.append(' ');
        line++;
      }
      wrapped.append(word);
      line += word.length();
    }
    return wrapped.toString();
  }

  /** 0 to the largest upper bound rounded up to ten points (at most 100), so the whiskers fit. */
  static double axisMax(List<ChartPoint> points) {
    double largest = points.stream().mapToDouble(p -> Math.max(p.pct(), p.ciHigh() == null ? 0 : p.ciHigh()))
        .max().orElse(0);
    return Math.min(100, Math.max(10, Math.ceil(largest / 10 - 1e-9) * 10));
  }

  private static ArrayNode distinct(List<String> labels) {
    ArrayNode array = JSON.createArrayNode();
    labels.stream().distinct().forEach(array::add);
    return array;
  }

  /** A nominal field of a chart's tooltip, under its title. */
  static void tooltipField(ArrayNode tooltip, String field, String title) {
    tooltip.addObject().put("field", field).put("type", "nominal").put("title", title);
  }
}

package dk.barometer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.barometer.config.ChartKind;
import dk.barometer.config.ReportFigure;
import dk.barometer.report.BarChart;
import java.util.List;

/**
 * The Vega-Lite specification of a figure, its points inlined as data: horizontal bars with the 95 % interval as a
 * rule and the percentage beside it, or for a trend a line per series over the waves with interval rules and the
 * change from the previous wave. Low-reliability estimates ('u') are pale and labelled 'u'; tooltips give the
 * interval, the base n and, for trends, the change, its p-value and a series break.
 */
final class VegaLiteSpec {
  static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PCT_TITLE = "Pct. (vægtet)";
  private static final int WIDTH = 440;

  private VegaLiteSpec() {}

  static ObjectNode of(ReportFigure figure, List<ChartPoint> points) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("$schema", SCHEMA);
    spec.put("description", figure.da());
    spec.putObject("data").set("values", values(points));
    spec.put("width", WIDTH);
    boolean coloured = points.stream().anyMatch(p -> p.colour() != null);
    double axisMax = axisMax(points);
    if (figure.kind() == ChartKind.TREND) {
      trend(spec, points, coloured, axisMax);
    } else {
      bars(spec, points, coloured, axisMax);
    }
    spec.putObject("config").putObject("axis").put("labelFontSize", 11).put("titleFontSize", 11);
    return spec;
  }

  private static void bars(ObjectNode spec, List<ChartPoint> points, boolean coloured, double axisMax) {
    ObjectNode height = spec.putObject("height").put("step", coloured ? 13 : 20);
    ObjectNode encoding = spec.putObject("encoding");
    ObjectNode y = encoding.putObject("y").put("field", "row").put("type", "nominal");
    y.set("sort", distinct(points.stream().map(ChartPoint::row).toList()));
    y.putNull("title");
    y.putObject("axis").put("labelLimit", 300);
    if (coloured) {
      height.put("for", "offset");
      encoding.putObject("yOffset").put("field", "colour").set("sort", colours(points));
    }
    ArrayNode layers = spec.putArray("layer");
    ObjectNode bar = layer(layers, "bar");
    ObjectNode x = quantitative(bar.withObjectProperty("encoding").putObject("x"), "pct", axisMax);
    x.put("title", PCT_TITLE);
    colour(bar, points, coloured);
    bar.withObjectProperty("encoding").set("tooltip", tooltip(coloured, false));
    ruleLayer(layers, "x");
    ObjectNode text = layer(layers, "text");
    text.withObjectProperty("mark").put("align", "left").put("dx", 3).put("fontSize", 10);
    quantitative(text.withObjectProperty("encoding").putObject("x"), "label_at", axisMax);
    text.withObjectProperty("encoding").putObject("text").put("field", "text");
  }

  private static void trend(ObjectNode spec, List<ChartPoint> points, boolean coloured, double axisMax) {
    spec.put("height", 220);
    ObjectNode x = spec.putObject("encoding").putObject("x").put("field", "wave").put("type", "ordinal")
        .put("title", "Bølge");
    x.putObject("axis").put("labelAngle", 0);
    ArrayNode layers = spec.putArray("layer");
    ObjectNode line = layer(layers, "line");
    quantitative(line.withObjectProperty("encoding").putObject("y"), "pct", axisMax).put("title", PCT_TITLE);
    colour(line, points, coloured);
    ObjectNode rule = ruleLayer(layers, "y");
    colour(rule, points, coloured);
    ObjectNode point = layer(layers, "point");
    point.withObjectProperty("mark").put("filled", true).put("size", 70);
    quantitative(point.withObjectProperty("encoding").putObject("y"), "pct", axisMax);
    colour(point, points, coloured);
    point.withObjectProperty("encoding").set("tooltip", tooltip(coloured, true));
    ObjectNode text = layer(layers, "text");
    text.withObjectProperty("mark").put("align", "left").put("dx", 7).put("fontSize", 10);
    quantitative(text.withObjectProperty("encoding").putObject("y"), "pct", axisMax);
    text.withObjectProperty("encoding").putObject("text").put("field", "change_text");
  }

  private static ObjectNode layer(ArrayNode layers, String mark) {
    ObjectNode layer = layers.addObject();
    layer.putObject("mark").put("type", mark);
    layer.putObject("encoding");
    return layer;
  }

  /** The 95 % interval from ci_low to ci_high along {@code axis}. */
  private static ObjectNode ruleLayer(ArrayNode layers, String axis) {
    ObjectNode rule = layer(layers, "rule");
    rule.withObjectProperty("mark").put("color", "#222");
    rule.withObjectProperty("encoding").putObject(axis).put("field", "ci_low").put("type", "quantitative");
    rule.withObjectProperty("encoding").putObject(axis + "2").put("field", "ci_high");
    return rule;
  }

  private static ObjectNode quantitative(ObjectNode channel, String field, double axisMax) {
    channel.put("field", field).put("type", "quantitative");
    channel.putObject("scale").putArray("domain").add(0).add(axisMax);
    return channel;
  }

  /** Colour by the points' colour labels in their order, pale where the estimate is flagged 'u'. */
  private static void colour(ObjectNode layer, List<ChartPoint> points, boolean coloured) {
    ObjectNode encoding = layer.withObjectProperty("encoding");
    if (coloured) {
      ObjectNode colour = encoding.putObject("color").put("field", "colour").put("type", "nominal");
      colour.set("sort", colours(points));
      ArrayNode range = colour.putObject("scale").putArray("range");
      BarChart.COLOURS.forEach(range::add);
      colour.putObject("legend").put("orient", "top").put("direction", "vertical").put("labelLimit", 500)
          .putNull("title");
    } else {
      layer.withObjectProperty("mark").put("color", BarChart.COLOURS.get(0));
    }
    ObjectNode opacity = encoding.putObject("opacity");
    opacity.putObject("condition").put("test", "datum.flag === 'u'").put("value", 0.45);
    opacity.put("value", 1);
  }

  private static ArrayNode tooltip(boolean coloured, boolean trend) {
    ArrayNode tooltip = JSON.createArrayNode();
    tooltip.addObject().put("field", "row").put("type", "nominal").put("title", trend ? "Serie" : "Række");
    if (coloured && !trend) {
      tooltip.addObject().put("field", "colour").put("type", "nominal").put("title", "Gruppe");
    }
    tooltip.addObject().put("field", "wave").put("type", "ordinal").put("title", "Bølge");
    tooltip.addObject().put("field", "pct").put("type", "quantitative").put("title", "Pct.").put("format", ".1f");
    tooltip.addObject().put("field", "ci").put("type", "nominal").put("title", "95 %-konfidensinterval");
    tooltip.addObject().put("field", "n").put("type", "quantitative").put("title", "Grundlag (n)");
    tooltip.addObject().put("field", "reliability").put("type", "nominal").put("title", "Sikkerhed");
    if (trend) {
      tooltip.addObject().put("field", "change").put("type", "nominal").put("title", "Ændring (procentpoint)");
      tooltip.addObject().put("field", "p_value").put("type", "nominal").put("title", "p-værdi");
      tooltip.addObject().put("field", "p_adjusted").put("type", "nominal").put("title", "Justeret p (BH)");
    }
    return tooltip;
  }

  private static ArrayNode values(List<ChartPoint> points) {
    ArrayNode values = JSON.createArrayNode();
    for (ChartPoint p : points) {
      ObjectNode v = values.addObject().put("row", p.row()).put("wave", p.wave()).put("pct", p.pct())
          .put("n", p.baseN()).put("flag", p.flag()).put("text", ReportText.pct(p.pct()) + flagSuffix(p))
          .put("ci", ReportText.interval(p.ciLow(), p.ciHigh()))
          .put("reliability", ReportText.reliability(p.flag()));
      if (p.colour() != null) {
        v.put("colour", p.colour());
      }
      if (p.ciLow() != null && p.ciHigh() != null) {
        v.put("ci_low", p.ciLow()).put("ci_high", p.ciHigh());
      }
      v.put("label_at", p.ciHigh() == null ? p.pct() : Math.max(p.pct(), p.ciHigh()));
      if (p.change() != null) {
        v.put("change", ReportText.change(p.change())).put("p_value", ReportText.pValue(p.change()))
            .put("p_adjusted", ReportText.pAdjusted(p.change()));
      }
      v.put("change_text", p.change() == null ? "" : ReportText.changeMark(p.change()));
    }
    return values;
  }

  private static String flagSuffix(ChartPoint p) {
    return p.flag().isEmpty() ? "" : " " + p.flag();
  }

  /** 0 to the largest upper bound rounded up to ten points (at most 100), so the whiskers fit. */
  static double axisMax(List<ChartPoint> points) {
    double largest = points.stream().mapToDouble(p -> Math.max(p.pct(), p.ciHigh() == null ? 0 : p.ciHigh()))
        .max().orElse(0);
    return Math.min(100, Math.max(10, Math.ceil(largest / 10 - 1e-9) * 10));
  }

  private static ArrayNode colours(List<ChartPoint> points) {
    return distinct(points.stream().map(ChartPoint::colour).filter(c -> c != null).toList());
  }

  private static ArrayNode distinct(List<String> labels) {
    ArrayNode array = JSON.createArrayNode();
    labels.stream().distinct().forEach(array::add);
    return array;
  }
}

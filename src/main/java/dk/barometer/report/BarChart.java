package dk.barometer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A horizontal bar chart of shares as SVG: one bar per estimate with its confidence interval as a whisker and the
 * percentage (and base n, when known) beside it. The axis runs from 0 to the largest upper bound rounded up to ten
 * points; the label column is as wide as the longest line of a label (about 7 px a character; longer labels are
 * wrapped onto further lines, never cut). Bars of several series are coloured by series with a legend; consecutive
 * bars with the same label form a group, labelled once. Low-reliability bars ('u') are pale.
 */
public final class BarChart {
  static final int PLOT_WIDTH = 360;
  static final int ROW_HEIGHT = 24;
  static final int TOP = 34;
  static final int LEGEND_HEIGHT = 20;
  static final int GROUP_GAP = 8;
  static final String NOTE = "Weighted shares; whiskers: 95 % confidence intervals";
  /** The colours of the series, in order; the report's interactive charts use them too. */
  public static final List<String> COLOURS = List.of("#4a7ab5", "#e08a2c", "#5a9e5a", "#c4514e", "#8a6bb5",
      "#8c6d4f", "#d17fb7", "#7f7f7f", "#b5b537", "#3fb0c4");

  private static final int LINE_HEIGHT = 15;

  private final double axisMax;
  private final int labelWidth;
  private final List<String> series;
  private final DoubleFunction<String> percent;

  private BarChart(List<Bar> bars, DoubleFunction<String> percent) {
    this.axisMax = axisMax(bars);
    this.percent = percent;
    int longest = bars.stream().flatMap(b -> lines(b).stream()).mapToInt(String::length).max().orElse(0);
    this.labelWidth = Math.max(120, 16 + 7 * longest);
    this.series = bars.stream().map(Bar::series).filter(Objects::nonNull).distinct().toList();
  }

  public static String svg(String title, List<Bar> bars) {
    return svg(title, bars, NOTE);
  }

  /** The chart with {@code note} (what the bars and whiskers are) under the axis. */
  public static String svg(String title, List<Bar> bars, String note) {
    return new BarChart(bars, pct -> String.format(Locale.ROOT, "%.1f%%", pct)).draw(title, bars, note);
  }

  /** The chart of a report edition: its numbers written as {@code text} writes them. */
  static String svg(String title, List<Bar> bars, String note, ReportText text) {
    return new BarChart(bars, text::pct).draw(title, bars, note);
  }

  private String draw(String title, List<Bar> bars, String note) {
    int top = TOP + (series.size() > 1 ? LEGEND_HEIGHT : 0);
    List<Integer> tops = new ArrayList<>();
    int y = top;
    for (int i = 0; i < bars.size(); i++) {
      if (i > 0 && series.size() > 1 && !bars.get(i).label().equals(bars.get(i - 1).label())) {
        y += GROUP_GAP;
      }
      tops.add(y);
      y += rowHeight(bars.get(i));
    }
    int axisY = y;
    boolean counts = bars.stream().anyMatch(b -> b.baseN() != null);
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
            + "font-size=\"12\">%n<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        labelWidth + PLOT_WIDTH + (counts ? 130 : 70), axisY + 44, escape(title)));
    if (series.size() > 1) {
      svg.append(legend());
    }
    for (int tick = 0; tick <= Math.round(axisMax * 10); tick++) {
      double x = x(tick / 10.0);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d%%</text>%n",
          x, top - 4, x, axisY, x, axisY + 16, tick * 10));
    }
    for (int i = 0; i < bars.size(); i++) {
      boolean firstOfGroup = i == 0 || !bars.get(i).label().equals(bars.get(i - 1).label());
      svg.append(bar(bars.get(i), tops.get(i), firstOfGroup));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\" font-size=\"11\">%s</text>%n",
        labelWidth, axisY + 36, escape(note)));
    return svg.append("</svg>").toString();
  }

  private String legend() {
    StringBuilder svg = new StringBuilder();
    int x = 4;
    for (String name : series) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>", x, TOP - 6, colour(name), x + 14, TOP + 3, escape(name)));
      x += 34 + 7 * name.length();
    }
    return svg.append(System.lineSeparator()).toString();
  }

  private String bar(Bar bar, int top, boolean labelled) {
    int height = rowHeight(bar);
    double middle = top + height / 2.0;
    StringBuilder svg = new StringBuilder();
    if (labelled) {
      List<String> lines = lines(bar);
      double first = middle + 4 - (lines.size() - 1) * LINE_HEIGHT / 2.0;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", labelWidth - 8,
          first));
      for (int i = 0; i < lines.size(); i++) {
        svg.append(String.format(Locale.ROOT, "<tspan x=\"%d\" dy=\"%d\">%s</tspan>", labelWidth - 8,
            i == 0 ? 0 : LINE_HEIGHT, escape(lines.get(i))));
      }
      svg.append("</text>");
    }
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s/>",
        labelWidth, middle - (ROW_HEIGHT - 10) / 2.0, x(bar.estimate()) - labelWidth, ROW_HEIGHT - 10,
        colour(bar.series()),
        bar.unreliable() ? " fill-opacity=\"0.45\"" : ""));
    double textX = x(bar.estimate());
    if (bar.ciLow() != null && bar.ciHigh() != null) {
      double low = x(bar.ciLow());
      double high = x(bar.ciHigh());
      svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" "
          + "stroke=\"#222\" fill=\"none\"/>", low, middle, high, low, middle - 4, middle + 4, high, middle - 4,
          middle + 4));
      textX = Math.max(textX, high);
    }
    String value = percent.apply(100 * bar.estimate()) + (bar.unreliable() ? " u" : "")
        + (bar.baseN() == null ? "" : "  (n=" + bar.baseN() + ")");
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", textX + 4, middle + 4,
        escape(value)));
    return svg.toString();
  }

  private String colour(String name) {
    int index = name == null ? 0 : series.indexOf(name);
    return COLOURS.get(Math.max(0, index) % COLOURS.size());
  }

  static double axisMax(List<Bar> bars) {
    double largest = bars.stream()
        .mapToDouble(b -> Math.max(b.estimate(), b.ciHigh() == null ? 0 : b.ciHigh())).max().orElse(0);
    return Math.max(0.1, Math.ceil(largest * 10 - 1e-9) / 10);
  }

  private double x(double share) {
    return labelWidth + PLOT_WIDTH * share / axisMax;
  }

  private static List<String> lines(Bar bar) {
    return List.of(VegaLiteSpec.wrap(bar.label()).split("\n"));
  }

  private static int rowHeight(Bar bar) {
    return Math.max(ROW_HEIGHT, LINE_HEIGHT * lines(bar).size() + 8);
  }

  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

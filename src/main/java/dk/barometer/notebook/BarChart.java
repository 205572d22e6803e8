package dk.barometer.notebook;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of shares as SVG: one bar per estimate with its confidence interval as a whisker and the
 * percentage beside it. The axis runs from 0 to the largest upper bound rounded up to ten points; the label column
 * is as wide as the longest label (about 7 px a character, labels beyond 60 characters are shortened).
 */
public final class BarChart {
  static final int PLOT_WIDTH = 360;
  static final int ROW_HEIGHT = 24;
  static final int TOP = 34;
  static final int MAX_LABEL = 60;

  private final double axisMax;
  private final int labelWidth;

  private BarChart(List<Bar> bars) {
    this.axisMax = axisMax(bars);
    int longest = bars.stream().mapToInt(b -> label(b).length()).max().orElse(0);
    this.labelWidth = Math.max(120, 16 + 7 * longest);
  }

  public static String svg(String title, List<Bar> bars) {
    return new BarChart(bars).draw(title, bars);
  }

  private String draw(String title, List<Bar> bars) {
    int axisY = TOP + ROW_HEIGHT * bars.size();
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
            + "font-size=\"12\">%n<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        labelWidth + PLOT_WIDTH + 70, axisY + 44, escape(title)));
    for (int tick = 0; tick <= Math.round(axisMax * 10); tick++) {
      double x = x(tick / 10.0);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d%%</text>%n",
          x, TOP - 4, x, axisY, x, axisY + 16, tick * 10));
    }
    for (int i = 0; i < bars.size(); i++) {
      svg.append(bar(bars.get(i), TOP + i * ROW_HEIGHT));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\" font-size=\"11\">Weighted "
        + "shares; whiskers: 95 %% confidence intervals</text>%n", labelWidth, axisY + 36));
    return svg.append("</svg>").toString();
  }

  private String bar(Bar bar, int top) {
    double middle = top + ROW_HEIGHT / 2.0;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a7ab5\"/>",
        labelWidth - 8, middle + 4, escape(label(bar)), labelWidth, top + 5, x(bar.estimate()) - labelWidth,
        ROW_HEIGHT - 10));
    double textX = x(bar.estimate());
    if (bar.ciLow() != null && bar.ciHigh() != null) {
      double low = x(bar.ciLow());
      double high = x(bar.ciHigh());
      svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" "
          + "stroke=\"#222\" fill=\"none\"/>", low, middle, high, low, middle - 4, middle + 4, high, middle - 4,
          middle + 4));
      textX = Math.max(textX, high);
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%.1f%%</text>%n", textX + 4, middle + 4,
        100 * bar.estimate()));
    return svg.toString();
  }

  static double axisMax(List<Bar> bars) {
    double largest = bars.stream()
        .mapToDouble(b -> Math.max(b.estimate(), b.ciHigh() == null ? 0 : b.ciHigh())).max().orElse(0);
    return Math.max(0.1, Math.ceil(largest * 10 - 1e-9) / 10);
  }

  private double x(double share) {
    return labelWidth + PLOT_WIDTH * share / axisMax;
  }

  private static String label(Bar bar) {
    String label = bar.label();
    return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "\u2026";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

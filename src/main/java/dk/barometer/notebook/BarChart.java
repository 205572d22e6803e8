package dk.barometer.notebook;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of shares as SVG: one bar per estimate with its confidence interval as a whisker and the
 * percentage beside it. The axis runs from 0 to the largest upper bound rounded up to ten points.
 */
public final class BarChart {
  static final int LABEL_WIDTH = 230;
  static final int PLOT_WIDTH = 360;
  static final int ROW_HEIGHT = 24;
  static final int TOP = 34;

  private BarChart() {}

  public static String svg(String title, List<Bar> bars) {
    double axisMax = axisMax(bars);
    int height = TOP + ROW_HEIGHT * bars.size() + 30;
    int width = LABEL_WIDTH + PLOT_WIDTH + 70;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
            + "font-size=\"12\">%n<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        width, height, escape(title)));
    int axisY = TOP + ROW_HEIGHT * bars.size();
    for (int tick = 0; tick <= Math.round(axisMax * 10); tick++) {
      double x = x(tick / 10.0, axisMax);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%d%%</text>%n",
          x, TOP - 4, x, axisY, x, axisY + 16, tick * 10));
    }
    for (int i = 0; i < bars.size(); i++) {
      svg.append(bar(bars.get(i), TOP + i * ROW_HEIGHT, axisMax));
    }
    return svg.append("</svg>").toString();
  }

  private static String bar(Bar bar, int top, double axisMax) {
    double middle = top + ROW_HEIGHT / 2.0;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>"
            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a7ab5\"/>",
        LABEL_WIDTH - 8, middle + 4, escape(bar.label()), LABEL_WIDTH, top + 5,
        x(bar.estimate(), axisMax) - LABEL_WIDTH, ROW_HEIGHT - 10));
    double textX = x(bar.estimate(), axisMax);
    if (bar.ciLow() != null && bar.ciHigh() != null) {
      double low = x(bar.ciLow(), axisMax);
      double high = x(bar.ciHigh(), axisMax);
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

  private static double x(double share, double axisMax) {
    return LABEL_WIDTH + PLOT_WIDTH * share / axisMax;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

package dk.barometer.report;

import dk.barometer.config.ChartDimension;
import dk.barometer.config.ChartKind;
import dk.barometer.config.IndicatorCategory;
import dk.barometer.config.Label;
import dk.barometer.config.Question;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The points of one figure: its series' estimates of the report's wave (bars) or of every wave up to it (trend),
 * labelled by the figure's rows and colour and in the order of {@code conf/}: rows and colours in the order of their
 * first estimate, categories as listed in the codebook or indicator, domain values as in the classification or
 * domain groups, series as in the figure; or, for a figure sorted by value, rows by their estimate.
 */
final class FigurePoints {
  private final ReportFigure figure;
  private final ReportLanguage language;

  private FigurePoints(ReportFigure figure, ReportLanguage language) {
    this.figure = figure;
    this.language = language;
  }

  /** The points of {@code figure}, labelled in {@code language}. */
  static List<ChartPoint> of(ReportFigure figure, List<Estimate> estimates, List<Change> changes, int wave,
                             ReportLanguage language) {
    return new FigurePoints(figure, language).points(estimates, changes, wave);
  }

  /** An estimate of the figure and the index of its series. */
  private record Selected(Estimate estimate, int series) {}

  private List<ChartPoint> points(List<Estimate> estimates, List<Change> changes, int wave) {
    List<Selected> selected = new ArrayList<>();
    for (int i = 0; i < figure.series().size(); i++) {
      ReportSeries series = figure.series().get(i);
      for (Estimate e : estimates) {
        if (shows(series, e, wave)) {
          selected.add(new Selected(e, i));
        }
      }
    }
    if (figure.top() != null) {
      selected = top(selected, figure.top());
    }
    Map<String, Integer> rowRank = figure.sortedByValue() ? byValue(selected) : ranks(selected, figure.rows());
    Map<String, Integer> colourRank = ranks(selected, figure.colour());
    Map<String, String> rowLabels = labels(selected, figure.rows());
    Map<String, String> colourLabels = labels(selected, figure.colour());
    List<ChartPoint> points = new ArrayList<>();
    for (Selected s : selected.stream()
        .sorted(Comparator.<Selected>comparingInt(s -> rowRank.get(key(s, figure.rows())))
            .thenComparingInt(s -> colourRank.get(key(s, figure.colour())))
            .thenComparingInt(s -> s.estimate().wave())).toList()) {
      Estimate e = s.estimate();
      String colour = colourLabels.get(key(s, figure.colour()));
      // A trend's lines are its colours; a chart of bars names each row.
      String row = figure.kind() == ChartKind.TREND ? (colour == null ? e.indicator() : colour)
          : rowLabels.get(key(s, figure.rows()));
      Change change = changes.stream().filter(c -> c.of(e)).findFirst().orElse(null);
      points.add(new ChartPoint(row, colour, e.domain(), e.domainValue(), e.wave(), e.pct(), e.ciLowPct(),
          e.ciHighPct(), e.baseN(), e.flag(), change));
    }
    return points;
  }

  private boolean shows(ReportSeries series, Estimate e, int wave) {
    boolean inWave = figure.kind() == ChartKind.TREND ? e.wave() <= wave : e.wave() == wave;
    return inWave && e.survey().equals(series.survey()) && e.indicatorId().equals(series.indicator())
        && figure.domains().contains(e.domain())
        && (figure.domainValues().isEmpty() || figure.domainValues().contains(e.domainValue()))
        && (series.categories().isEmpty() || series.categories().contains(e.category()));
  }

  /** The {@code n} largest estimates of each series, domain value and wave. */
  private static List<Selected> top(List<Selected> selected, int n) {
    Function<Selected, String> group = s -> s.series() + "/" + s.estimate().domain() + "/"
        + s.estimate().domainValue() + "/" + s.estimate().wave();
    return selected.stream().collect(Collectors.groupingBy(group)).values().stream()
        .flatMap(g -> g.stream().sorted(Comparator.comparingDouble((Selected s) -> s.estimate().pct()).reversed())
            .limit(n))
        .toList();
  }

  /**
   * The label of each key of {@code dimension}: that of its first estimate in conf/ order, so a question worded a
   * little differently in the two surveys still makes one row.
   */
  private Map<String, String> labels(List<Selected> selected, ChartDimension dimension) {
    Map<String, String> labels = new HashMap<>();
    if (dimension != null) {
      selected.stream().sorted(natural(dimension))
          .forEach(s -> labels.putIfAbsent(key(s, dimension), label(s, dimension)));
    }
    return labels;
  }

  /** The rank of each key of {@code dimension}: the position of its first estimate in conf/ order. */
  private Map<String, Integer> ranks(List<Selected> selected, ChartDimension dimension) {
    Map<String, Integer> ranks = new HashMap<>();
    selected.stream().sorted(natural(dimension)).forEach(s -> ranks.putIfAbsent(key(s, dimension), ranks.size()));
    return ranks;
  }

  /**
   * The rank of each row by its estimate, largest first: the estimate of its first colour (series, category or
   * domain value in conf/ order), so that rows of several bars follow the first.
   */
  private Map<String, Integer> byValue(List<Selected> selected) {
    Map<String, Double> first = new HashMap<>();
    selected.stream().sorted(natural(figure.colour()))
        .forEach(s -> first.putIfAbsent(key(s, figure.rows()), s.estimate().pct()));
    Map<String, Integer> ranks = new HashMap<>();
    first.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ranks.put(e.getKey(), ranks.size()));
    return ranks;
  }

  private Comparator<Selected> natural(ChartDimension dimension) {
    if (dimension == null) {
      return Comparator.comparingInt(Selected::series);
    }
    return switch (dimension) {
      case CATEGORY -> Comparator.comparingInt(Selected::series)
          .thenComparingInt(s -> s.estimate().categoryOrder());
      case DOMAIN_VALUE -> Comparator.<Selected>comparingInt(s -> figure.domains().indexOf(s.estimate().domain()))
          .thenComparingInt(s -> s.estimate().domainValueOrder());
      case SERIES -> Comparator.comparingInt(Selected::series);
    };
  }

  /**
   * What identifies a row or colour: the same question in two surveys (a barrier of employers and of employees) is
   * one row; a share is named by its indicator.
   */
  private String key(Selected s, ChartDimension dimension) {
    if (dimension == null) {
      return "";
    }
    Estimate e = s.estimate();
    return switch (dimension) {
      case CATEGORY -> isShare(e) ? "indicator:" + e.indicatorId() : "category:" + e.category();
      case DOMAIN_VALUE -> e.domain() + ":" + e.domainValue();
      case SERIES -> label(s, dimension);
    };
  }

  private String label(Selected s, ChartDimension dimension) {
    Estimate e = s.estimate();
    return switch (dimension) {
      case CATEGORY -> isShare(e) ? e.indicator() : Question.item(e.categoryLabel());
      case DOMAIN_VALUE -> e.domainValueLabel();
      case SERIES -> {
        ReportSeries series = figure.series().get(s.series());
        yield series.da() != null ? language.of(new Label(series.da(), series.en())) : e.indicator();
      }
    };
  }

  private static boolean isShare(Estimate e) {
    return e.category().equals(IndicatorCategory.YES);
  }
}

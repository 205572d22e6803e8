package dk.barometer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ChartDimension;
import dk.barometer.config.ChartKind;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigurePointsTest {
  private static Estimate estimate(int wave, String survey, String indicator, String value, int valueOrder,
      String category, String categoryLabel, int categoryOrder, double pct) {
    return new Estimate(wave, survey, indicator, indicator + " name", "size_class", value, value + " label",
        valueOrder, category, categoryLabel, categoryOrder, pct, pct - 5, pct + 5, 100, "");
  }

  private static ReportFigure figure(ChartKind kind, List<ReportSeries> series, ChartDimension rows,
      ChartDimension colour, Integer top) {
    return new ReportFigure("f", "da", "en", kind, series, List.of("size_class"), null, rows, colour, top, null);
  }

  @Test
  void oneQuestionOfTwoSurveysIsOneRowNamedByItsFirstLabelInConfOrder() {
    ReportFigure figure = figure(ChartKind.BARS, List.of(new ReportSeries("employer", "barrier", null, "Firms",
        "Firms"), new ReportSeries("employee", "barrier", null, "Staff", "Staff")), ChartDimension.CATEGORY,
        ChartDimension.SERIES, null);
    List<Estimate> estimates = List.of(
        estimate(2025, "employee", "barrier", "all", 0, "tools", "Present: Tools available", 1, 24),
        estimate(2025, "employer", "barrier", "all", 0, "tools", "Present: Tools available to staff", 1, 36),
        estimate(2025, "employer", "barrier", "all", 0, "strategy", "Present: Strategy", 0, 55),
        estimate(2024, "employer", "barrier", "all", 0, "strategy", "Present: Strategy", 0, 50));
    List<ChartPoint> points = FigurePoints.of(figure, estimates, List.of(), 2025, ReportLanguage.EN);
    // strategy (order 0) before tools (1); the employer's wording names the tools row (first series); the stem
    // before ': ' dropped; 2024 left out of a bar chart of 2025.
    assertThat(points).extracting(ChartPoint::row, ChartPoint::colour, ChartPoint::pct).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Strategy", "Firms", 55.0),
        org.assertj.core.groups.Tuple.tuple("Tools available to staff", "Firms", 36.0),
        org.assertj.core.groups.Tuple.tuple("Tools available to staff", "Staff", 24.0));
  }

  @Test
  void topKeepsTheLargestOfEachDomainValueInTheOrderOfConf() {
    ReportFigure figure = figure(ChartKind.BARS, List.of(new ReportSeries("employer", "share", null, null, null)),
        ChartDimension.DOMAIN_VALUE, ChartDimension.CATEGORY, 2);
    List<Estimate> estimates = List.of(
        estimate(2025, "employer", "share", "small", 1, "a", "A", 0, 10),
        estimate(2025, "employer", "share", "small", 1, "b", "B", 1, 30),
        estimate(2025, "employer", "share", "small", 1, "c", "C", 2, 20),
        estimate(2025, "employer", "share", "micro", 0, "a", "A", 0, 40),
        estimate(2025, "employer", "share", "micro", 0, "b", "B", 1, 5),
        estimate(2025, "employer", "share", "micro", 0, "c", "C", 2, 15));
    // micro (order 0) first: its top 2 are A 40 and C 15; small: B 30 and C 20; categories in code order A, B, C.
    assertThat(FigurePoints.of(figure, estimates, List.of(), 2025, ReportLanguage.EN))
        .extracting(p -> p.row() + " " + p.colour())
        .containsExactly("micro label A", "micro label C", "small label B", "small label C");
  }

  @Test
  void aTrendTakesEveryWaveUpToTheReportsWithTheChangeIntoEach() {
    ReportFigure figure = figure(ChartKind.TREND, List.of(new ReportSeries("employer", "uses_ai", null, null,
        null)), null, ChartDimension.SERIES, null);
    List<Estimate> estimates = List.of(estimate(2026, "employer", "uses_ai", "all", 0, "yes", "Ja", 0, 70),
        estimate(2025, "employer", "uses_ai", "all", 0, "yes", "Ja", 0, 65),
        estimate(2027, "employer", "uses_ai", "all", 0, "yes", "Ja", 0, 75));
    Change change = new Change("employer", "uses_ai", "size_class", "all", "yes", 2025, 2026, 5, 2, 0.01, 0.03, true,
        false);
    List<ChartPoint> points = FigurePoints.of(figure, estimates, List.of(change), 2026, ReportLanguage.EN);
    assertThat(points).extracting(ChartPoint::wave).containsExactly(2025, 2026);
    assertThat(points).extracting(ChartPoint::row).containsOnly("uses_ai name");
    assertThat(points.get(0).change()).isNull();
    assertThat(points.get(1).change()).isEqualTo(change);
  }

  @Test
  void aFigureSortedByValueOrdersItsRowsByTheFirstSeriesLargestFirst() {
    ReportFigure figure = new ReportFigure("f", "da", "en", ChartKind.BARS, List.of(
        new ReportSeries("employer", "barrier", null, "Firms", "Firms"),
        new ReportSeries("employee", "barrier", null, "Staff", "Staff")), List.of("size_class"), null,
        ChartDimension.CATEGORY, ChartDimension.SERIES, null, "value");
    List<Estimate> estimates = List.of(
        estimate(2025, "employer", "barrier", "all", 0, "strategy", "Strategy", 0, 20),
        estimate(2025, "employer", "barrier", "all", 0, "tools", "Tools", 1, 45),
        estimate(2025, "employer", "barrier", "all", 0, "data", "Data", 2, 30),
        estimate(2025, "employee", "barrier", "all", 0, "strategy", "Strategy", 0, 90),
        estimate(2025, "employee", "barrier", "all", 0, "tools", "Tools", 1, 10),
        estimate(2025, "employee", "barrier", "all", 0, "data", "Data", 2, 50));
    // The firms' estimates order the rows (45, 30, 20), whatever the staff's; within a row, series in conf order.
    assertThat(FigurePoints.of(figure, estimates, List.of(), 2025, ReportLanguage.EN))
        .extracting(p -> p.row() + " " + p.colour()).containsExactly("Tools Firms", "Tools Staff", "Data Firms",
            "Data Staff", "Strategy Firms", "Strategy Staff");
  }
}

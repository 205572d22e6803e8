package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {
  private static ReportFigures load(Path conf) {
    return ReportFigures.load(conf, BarometerConfig.load(conf).indicators());
  }

  @Test
  void theShippedFiguresLoadWithTheirKinds() {
    ReportFigures figures = load(TestSpark.confDir());
    assertThat(figures.figures()).extracting(ReportFigure::id).contains("maturity_by_size",
        "barriers_employer_employee", "value_by_upskilling", "trend_employer");
    ReportFigure barriers = figures.figures().stream().filter(f -> f.id().equals("barriers_employer_employee"))
        .findFirst().orElseThrow();
    assertThat(barriers.rows()).isEqualTo(ChartDimension.CATEGORY);
    assertThat(barriers.colour()).isEqualTo(ChartDimension.SERIES);
    assertThat(barriers.series()).extracting(ReportSeries::survey).containsExactly("employer", "employer",
        "employee", "employee");
  }

  @Test
  void anIndicatorWithoutTheFiguresDomainIsNamed() {
    // function_use is broken down by total only.
    Path conf = TestSpark.copyOfConf("report.yaml",
        "series: [{survey: employer, indicator: function_use}]\n    domains: [total]",
        "series: [{survey: employer, indicator: function_use}]\n    domains: [sector]");
    assertThatThrownBy(() -> load(conf))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining("figure function_use needs indicator employer/function_use by domain 'sector'");
  }

  @Test
  void anUnknownIndicatorOrChartDimensionIsAnError() {
    assertThatThrownBy(() -> load(TestSpark.copyOfConf("report.yaml",
        "indicator: function_use", "indicator: function_uses")))
        .hasMessageContaining("figure function_use uses indicator 'function_uses', which survey 'employer' does "
            + "not have");
    assertThatThrownBy(() -> load(TestSpark.copyOfConf("report.yaml", "rows: category", "rows: answer")))
        .hasMessageContaining("report.yaml").hasMessageContaining("answer");
  }
}

package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportFiguresTest {
  private static ReportFigures load(Path conf) {
    return ReportFigures.load(conf, BarometerConfig.load(conf).indicators());
  }

  private static Path confWith(String from, String to) throws IOException {
    Path conf = TestSpark.copyOfConf();
    String yaml = Files.readString(conf.resolve("report.yaml"));
    assertThat(yaml).contains(from);
    Files.writeString(conf.resolve("report.yaml"), yaml.replaceFirst(java.util.regex.Pattern.quote(from), to));
    return conf;
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
  void anIndicatorWithoutTheFiguresDomainIsNamed() throws IOException {
    // function_use is broken down by total only.
    Path conf = confWith("series: [{survey: employer, indicator: function_use}]\n    domains: [total]",
        "series: [{survey: employer, indicator: function_use}]\n    domains: [sector]");
    assertThatThrownBy(() -> load(conf))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining("figure function_use needs indicator employer/function_use by domain 'sector'");
  }

  @Test
  void anUnknownIndicatorOrChartDimensionIsAnError() throws IOException {
    assertThatThrownBy(() -> load(confWith("indicator: function_use", "indicator: function_uses")))
        .hasMessageContaining("figure function_use uses indicator 'function_uses', which survey 'employer' does "
            + "not have");
    assertThatThrownBy(() -> load(confWith("rows: category", "rows: answer")))
        .hasMessageContaining("report.yaml").hasMessageContaining("answer");
  }
}

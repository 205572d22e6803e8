package dk.barometer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Publication;
import dk.barometer.config.ReportFigures;
import dk.barometer.testing.TestSpark;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each edition writes numbers in its language's format, and marks a change by its Benjamini-Hochberg adjusted p
 * with the raw p beside it.
 */
class ReportTextTest {
  private static Publication publication;

  @BeforeAll
  static void publication() {
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    publication = Publication.load(TestSpark.confDir(), ReportFigures.load(TestSpark.confDir(),
        config.indicators()), config);
  }

  private static ReportText text(ReportLanguage language) {
    return new ReportText(language, publication);
  }

  private static Change change(double points, double p, double adjusted, boolean seriesBreak) {
    return new Change("employer", "uses_ai", "total", "all", "yes", 2025, 2026, points, 1.94, p, adjusted,
        adjusted < 0.05, seriesBreak);
  }

  @Test
  void danishHasDecimalCommasAndThousandsPointsEnglishTheOtherWayRound() {
    ReportText da = text(ReportLanguage.DA);
    ReportText en = text(ReportLanguage.EN);
    assertThat(da.pct(33.8)).isEqualTo("33,8 %");
    assertThat(en.pct(33.8)).isEqualTo("33.8 %");
    assertThat(da.pct(5)).isEqualTo("5,0 %");
    assertThat(da.interval(30.1, 38.44)).isEqualTo("30,1\u201338,4 %");
    assertThat(en.interval(30.1, 38.44)).isEqualTo("30.1\u201338.4 %");
    assertThat(da.interval(null, 38.4)).isEmpty();
    assertThat(da.count(1012)).isEqualTo("1.012");
    assertThat(en.count(1012)).isEqualTo("1,012");
    assertThat(da.signed(-2.25)).isEqualTo("\u22122,3");
  }

  @Test
  void aChangeSignificantOnlyBeforeTheAdjustmentIsNotMarked() {
    Change change = change(4.1, 0.031, 0.091, false);
    ReportText da = text(ReportLanguage.DA);
    assertThat(da.changeMark(change)).isEqualTo("+4,1");
    assertThat(da.remark(change)).isEqualTo("ikke signifikant efter justering");
    assertThat(da.pValue(change)).isEqualTo("0,031");
    assertThat(da.pAdjusted(change)).isEqualTo("0,091");
    assertThat(da.change(change)).isEqualTo("+4,1 (SE 1,9)");
    assertThat(text(ReportLanguage.EN).remark(change)).isEqualTo("not significant after adjustment");
  }

  @Test
  void aChangeSignificantAfterTheAdjustmentIsMarked() {
    Change change = change(4.1, 0.001, 0.008, true);
    assertThat(text(ReportLanguage.DA).changeMark(change)).isEqualTo("+4,1* brud");
    assertThat(text(ReportLanguage.EN).changeMark(change)).isEqualTo("+4.1* break");
    assertThat(text(ReportLanguage.DA).remark(change))
        .isEqualTo("signifikant efter justering; databrud: spørgsmålet er omformuleret");
  }

  @Test
  void aTemplateNamingAValueItCannotHaveIsAConfigurationErrorNamingIt() {
    assertThat(ReportText.fill("{value} of firms ({interval})", Map.of("value", "66.2 %", "interval", "62.5-69.8 %"),
        "x")).isEqualTo("66.2 % of firms (62.5-69.8 %)");
    assertThatThrownBy(() -> ReportText.fill("{value} and {ratio}", Map.of("value", "1"), "section value"))
        .isInstanceOf(BarometerException.class)
        .hasMessageContaining("section value").hasMessageContaining("{ratio}").hasMessageContaining("[value]");
  }
}

package dk.barometer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report marks a change by its Benjamini-Hochberg adjusted p and shows the raw p beside it. */
class ReportTextTest {
  private static Change change(double p, double adjusted, boolean seriesBreak) {
    return new Change("employer", "uses_ai", "total", "all", "yes", 2025, 2026, 4.1, 1.9, p, adjusted,
        adjusted < 0.05, seriesBreak);
  }

  @Test
  void aChangeSignificantOnlyBeforeTheAdjustmentIsNotMarked() {
    Change change = change(0.031, 0.091, false);
    assertThat(ReportText.changeMark(change)).isEqualTo("+4.1");
    assertThat(ReportText.remark(change)).isEqualTo("ikke signifikant efter justering");
    assertThat(ReportText.pValue(change)).isEqualTo("0.031");
    assertThat(ReportText.pAdjusted(change)).isEqualTo("0.091");
  }

  @Test
  void aChangeSignificantAfterTheAdjustmentIsMarked() {
    Change change = change(0.001, 0.008, true);
    assertThat(ReportText.changeMark(change)).isEqualTo("+4.1* brud");
    assertThat(ReportText.remark(change)).isEqualTo("signifikant efter justering; databrud (omformuleret spørgsmål)");
  }
}

package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ComparisonDefinition;
import dk.barometer.config.ComparisonExpectation;
import dk.barometer.config.ComparisonGroup;
import dk.barometer.config.ComparisonMeasure;
import dk.barometer.query.PublishedComparison.ClaimCheck;
import dk.barometer.query.PublishedComparison.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A claim against the intervals of its comparison, by hand. */
class ClaimCheckTest {
  private static ComparisonDefinition claim(String direction, Double ratio) {
    return new ComparisonDefinition("c", "employee", "value_creation", "value_job_security",
        new ComparisonGroup("upskilling", "on_the_job"), new ComparisonGroup("upskilling", "not_upskilled"),
        List.of(ComparisonMeasure.DIFFERENCE, ComparisonMeasure.RATIO), null,
        new ComparisonExpectation(direction, ratio));
  }

  private static ClaimCheck check(ComparisonDefinition claim, Double dLow, Double dHigh, Double rLow, Double rHigh) {
    return new ClaimCheck(claim, dLow == null ? null : (dLow + dHigh) / 2, dLow, dHigh,
        rLow == null ? null : (rLow + rHigh) / 2, rLow, rHigh, false, true);
  }

  @Test
  void aDirectionIsContradictedOnlyByAnIntervalWhollyOnTheOtherSide() {
    assertThat(check(claim("higher", null), 0.05, 0.2, null, null).verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(check(claim("higher", null), -0.05, 0.2, null, null).verdict()).isEqualTo(Verdict.UNCLEAR);
    assertThat(check(claim("higher", null), -0.2, -0.05, null, null).verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(check(claim("lower", null), -0.2, -0.05, null, null).verdict()).isEqualTo(Verdict.CONSISTENT);
    // Only the ratio asked: its interval less 1.
    assertThat(check(claim("higher", null), null, null, 0.5, 0.9).verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aStatedRatioIsContradictedWhenItsIntervalExcludesIt() {
    assertThat(check(claim("higher", 2.0), 0.1, 0.3, 1.37, 1.97).verdict()).isEqualTo(Verdict.CONTRADICTED);
    assertThat(check(claim("higher", 3.0), 0.1, 0.3, 2.3, 7.95).verdict()).isEqualTo(Verdict.CONSISTENT);
    assertThat(check(claim(null, 3.0), 0.1, 0.3, 0.5, 2.5).verdict()).isEqualTo(Verdict.CONTRADICTED);
  }

  @Test
  void aComparisonMissingOrSuppressedIsNotChecked() {
    assertThat(new ClaimCheck(claim("higher", null), null, null, null, null, null, null, false, false).verdict())
        .isEqualTo(Verdict.MISSING);
    assertThat(new ClaimCheck(claim("higher", null), 0.1, -0.3, -0.1, null, null, null, true, true).verdict())
        .isEqualTo(Verdict.SUPPRESSED);
  }
}

package dk.barometer.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.config.RakingSettings;
import dk.barometer.testing.Margin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Newton's raking where proportional fitting is slow: a cell almost without weight (the independence case both
 * rakers share is in {@link CellRakingTest}).
 */
class NewtonRakingTest {
  private static final RakingSettings SETTINGS = new RakingSettings(1e-12, 100);
  private static final List<String> MARGINS = List.of("industry", "region");

  /**
   * Raking keeps the odds ratio of the starting table. Start ax 1e-6, ay 1, bx 1, by 1 (a cell almost without
   * weight, as a bootstrap replicate leaves one), margins a 50 / b 50 and x 50 / y 50: ax = by = t, ay = bx = 50 - t
   * with t^2 / (50 - t)^2 = 1e-6, so t = 50 * 1e-3 / (1 + 1e-3).
   */
  @Test
  void aCellAlmostWithoutWeightKeepsItsOddsRatio() {
    List<Cell> cells = List.of(new Cell(List.of("a", "x"), 1, 1e-6), new Cell(List.of("a", "y"), 1, 1),
        new Cell(List.of("b", "x"), 1, 1), new Cell(List.of("b", "y"), 1, 1));
    RakingResult result = new NewtonRaking("test", SETTINGS).rake(MARGINS, cells,
        List.of(Margin.of("a", 50, "b", 50), Margin.of("x", 50, "y", 50)));
    double t = 50 * 1e-3 / (1 + 1e-3);
    assertThat(result.factors().get(List.of("a", "x")) * 1e-6).isCloseTo(t, within(1e-9 * t));
    assertThat(result.factors().get(List.of("b", "y"))).isCloseTo(t, within(1e-9 * t));
    assertThat(result.factors().get(List.of("a", "y"))).isCloseTo(50 - t, within(1e-9 * 50));
    assertThat(result.iterations()).isLessThan(40);
  }
}

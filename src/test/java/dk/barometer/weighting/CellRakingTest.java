package dk.barometer.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.BarometerException;
import dk.barometer.config.RakingSettings;
import dk.barometer.testing.Margin;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CellRakingTest {
  private static final RakingSettings SETTINGS = new RakingSettings(1e-10, 100);
  private static final List<String> MARGINS = List.of("industry", "region");

  /** Proportional fitting (the full sample's) and Newton's method (the replicates'), which must agree. */
  interface Raker {
    RakingResult rake(List<String> margins, List<Cell> cells, List<Map<String, Double>> targets);
  }

  static Stream<Raker> rakers() {
    RakingSettings exact = new RakingSettings(1e-12, 100);
    return Stream.of(new CellRaking("test", exact)::rake, new NewtonRaking("test", exact)::rake);
  }

  @ParameterizedTest
  @MethodSource("rakers")
  void equalCellsRakeToTheProductOfTheMargins(Raker raker) {
    // Four cells of weight 1; targets industry a 30 / b 70, region x 40 / y 60. With equal starting weights the
    // raked table is the independence table 100 * p(industry) * p(region): ax 12, ay 18, bx 28, by 42.
    List<Cell> cells = List.of(new Cell(List.of("a", "x"), 1, 1), new Cell(List.of("a", "y"), 1, 1),
        new Cell(List.of("b", "x"), 1, 1), new Cell(List.of("b", "y"), 1, 1));
    RakingResult result = raker.rake(MARGINS, cells,
        List.of(Margin.of("a", 30, "b", 70), Margin.of("x", 40, "y", 60)));
    assertThat(result.factors().get(List.of("a", "x"))).isCloseTo(12.0, within(1e-9));
    assertThat(result.factors().get(List.of("a", "y"))).isCloseTo(18.0, within(1e-9));
    assertThat(result.factors().get(List.of("b", "x"))).isCloseTo(28.0, within(1e-9));
    assertThat(result.factors().get(List.of("b", "y"))).isCloseTo(42.0, within(1e-9));
  }

  @Test
  void independentMarginsAreFittedInOneIteration() {
    List<Cell> cells = List.of(new Cell(List.of("a", "x"), 1, 1), new Cell(List.of("a", "y"), 1, 1),
        new Cell(List.of("b", "x"), 1, 1), new Cell(List.of("b", "y"), 1, 1));
    assertThat(new CellRaking("test", SETTINGS).rake(MARGINS, cells,
        List.of(Margin.of("a", 30, "b", 70), Margin.of("x", 40, "y", 60))).iterations()).isEqualTo(1);
  }

  @Test
  void unequalCellsKeepTheirOddsRatio() {
    // Start ax 2, ay 1, bx 1, by 1 (odds ratio 2). Raking keeps the odds ratio: with margins a 50 / b 50 and
    // x 50 / y 50 the solution is symmetric, ax = by = t, ay = bx = 50 - t, and t^2 / (50 - t)^2 = 2, so
    // t = 50 * sqrt(2) / (1 + sqrt(2)) = 29.2893...
    List<Cell> cells = List.of(new Cell(List.of("a", "x"), 1, 2), new Cell(List.of("a", "y"), 1, 1),
        new Cell(List.of("b", "x"), 1, 1), new Cell(List.of("b", "y"), 1, 1));
    RakingResult result = new CellRaking("test", SETTINGS).rake(MARGINS, cells,
        List.of(Margin.of("a", 50, "b", 50), Margin.of("x", 50, "y", 50)));
    double t = 50 * Math.sqrt(2) / (1 + Math.sqrt(2));
    assertThat(2 * result.factors().get(List.of("a", "x"))).isCloseTo(t, within(1e-8));
    assertThat(result.factors().get(List.of("b", "y"))).isCloseTo(t, within(1e-8));
    assertThat(result.factors().get(List.of("a", "y"))).isCloseTo(50 - t, within(1e-8));
    assertThat(result.iterations()).isGreaterThan(1);
    assertThat(result.maxGap()).isLessThanOrEqualTo(1e-10 * 100);
  }

  @Test
  void failsLoudlyWhenItCannotConverge() {
    List<Cell> cells = List.of(new Cell(List.of("a", "x"), 1, 2), new Cell(List.of("a", "y"), 1, 1),
        new Cell(List.of("b", "x"), 1, 1), new Cell(List.of("b", "y"), 1, 1));
    assertThatThrownBy(() -> new CellRaking("employer", new RakingSettings(1e-12, 2)).rake(MARGINS, cells,
        List.of(Margin.of("a", 50, "b", 50), Margin.of("x", 50, "y", 50))))
        .isInstanceOf(BarometerException.class)
        .hasMessageContaining("failed to converge in 2 iterations")
        .hasMessageContaining("industry = 'a'");
  }
}

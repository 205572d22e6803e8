package dk.barometer.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The exact joint distribution of a population's classification variables, enumerated cell by cell from the draws
 * (tens of thousands of cells at most). Expected stratum sizes and response rates come from it without a pass over
 * the data.
 */
final class JointDistribution {
  private record Cell(Map<String, String> categories, double probability) {}

  private final List<Cell> cells;

  private JointDistribution(List<Cell> cells) {
    this.cells = cells;
  }

  static JointDistribution of(List<CategoricalModel> draws) {
    List<Cell> cells = List.of(new Cell(Map.of(), 1.0));
    for (CategoricalModel draw : draws) {
      List<Cell> next = new ArrayList<>();
      for (Cell cell : cells) {
        draw.probabilities(cell.categories()).forEach((category, p) -> {
          if (p > 0) {
            Map<String, String> categories = new HashMap<>(cell.categories());
            categories.put(draw.variable(), category);
            next.add(new Cell(categories, cell.probability() * p));
          }
        });
      }
      cells = next;
    }
    return new JointDistribution(cells);
  }

  /** The expectation of {@code value} per category of {@code variable}: sum of probability x value over its cells. */
  Map<String, Double> expectation(String variable, ToDoubleFunction<Map<String, String>> value) {
    Map<String, Double> sums = new LinkedHashMap<>();
    for (Cell cell : cells) {
      sums.merge(cell.categories().get(variable), cell.probability() * value.applyAsDouble(cell.categories()),
          Double::sum);
    }
    return sums;
  }
}

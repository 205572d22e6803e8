package dk.barometer.weighting;

import java.util.List;
import java.util.Map;

/**
 * A raking method on the cell table: proportional fitting for the full sample ({@link CellRaking}), Newton's method
 * for bootstrap replicates ({@link NewtonRaking}). Both reach the same solution and stop on the same criterion.
 */
interface Raking {
  /**
   * @param margins the margin variables, in the order of each cell's categories
   * @param targets register counts per margin (same order), category to count, as {@link WeightingRecipe} checked
   *     them against the cells
   */
  RakingResult rake(List<String> margins, List<Cell> cells, List<Map<String, Double>> targets);
}

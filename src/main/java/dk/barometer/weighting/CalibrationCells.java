package dk.barometer.weighting;

import java.util.List;
import java.util.Map;

/**
 * The weighting cells of a sample after raking, for variance estimation: each cell (collapsed margin categories,
 * then the stratum) with its respondents, summed design weight and final weight total; every respondent of a cell
 * has the same design and final weight. {@code stratumSizes} holds N_h, {@code key(c)} the value of
 * {@link SurveyWeighting#CELL} for cell c.
 */
public record CalibrationCells(List<String> margins, List<Cell> cells, double[] totals,
                               Map<String, Double> stratumSizes) {
  public CalibrationCells {
    margins = List.copyOf(margins);
    cells = List.copyOf(cells);
    totals = totals.clone();
    stratumSizes = Map.copyOf(stratumSizes);
  }

  public String key(int cell) {
    return SurveyWeighting.cellKey(cells.get(cell).categories());
  }

  public String stratum(int cell) {
    List<String> categories = cells.get(cell).categories();
    return categories.get(categories.size() - 1);
  }

  public double unitWeight(int cell) {
    return totals[cell] / cells.get(cell).units();
  }

  public double unitDesignWeight(int cell) {
    return cells.get(cell).weight() / cells.get(cell).units();
  }
}

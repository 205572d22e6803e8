package dk.barometer.weighting;

import dk.barometer.config.RakingSettings;
import dk.barometer.ingest.RegisterMargins;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raking solved by Newton's method, as R {@code survey::calibrate(calfun = "raking")} solves it: each cell's weight
 * is its starting weight times {@code exp(x_c beta)}, x_c the cell's indicators of an intercept and of every margin
 * category but the first, and beta is found by Newton steps on the convex dual {@code sum_c w_c - T beta}, halved
 * while they lower neither it nor the largest margin gap. The solution is the one iterative proportional fitting
 * converges to ({@link CellRaking}), reached in a few steps also where a category starts with almost no weight, as in
 * a bootstrap replicate that left out most of its respondents, where proportional fitting can take thousands of
 * sweeps. It stops on the same criterion: the largest absolute gap over every category of every margin at most
 * {@code tolerance x population total}.
 */
final class NewtonRaking implements Raking {
  /** Relative ridge on the Hessian's diagonal: margins that are nested in a small sample make it singular. */
  private static final double RIDGE = 1e-12;
  private static final int MAX_HALVINGS = 60;

  private final String survey;
  private final RakingSettings settings;

  NewtonRaking(String survey, RakingSettings settings) {
    this.survey = survey;
    this.settings = settings;
  }

  @Override
  public RakingResult rake(List<String> margins, List<Cell> cells, List<Map<String, Double>> targets) {
    double total = RegisterMargins.total(targets.get(0));
    List<Map<String, Integer>> columns = new ArrayList<>();
    List<Double> target = new ArrayList<>(List.of(total));
    for (Map<String, Double> margin : targets) {
      Map<String, Integer> ofMargin = new HashMap<>();
      boolean first = true;
      for (Map.Entry<String, Double> category : margin.entrySet()) {
        if (!first) {
          ofMargin.put(category.getKey(), target.size());
          target.add(category.getValue());
        }
        first = false;
      }
      columns.add(ofMargin);
    }
    int p = target.size();
    int[][] design = new int[cells.size()][];
    for (int c = 0; c < cells.size(); c++) {
      List<Integer> ones = new ArrayList<>(List.of(0));
      for (int m = 0; m < margins.size(); m++) {
        Integer column = columns.get(m).get(cells.get(c).categories().get(m));
        if (column != null) {
          ones.add(column);
        }
      }
      design[c] = ones.stream().mapToInt(Integer::intValue).toArray();
    }
    double[] beta = new double[p];
    double[] weights = weights(cells, design, beta);
    double gap = CellRaking.largestGap(margins, cells, weights, targets).gap();
    int iteration = 0;
    while (gap > settings.tolerance() * total && iteration < settings.maxIterations()) {
      iteration++;
      double[] gradient = new double[p];
      double[][] hessian = new double[p][p];
      for (int j = 0; j < p; j++) {
        gradient[j] = target.get(j);
      }
      for (int c = 0; c < cells.size(); c++) {
        for (int j : design[c]) {
          gradient[j] -= weights[c];
          for (int k : design[c]) {
            hessian[j][k] += weights[c];
          }
        }
      }
      double[] step = solve(hessian, gradient);
      double dual = dual(weights, beta, target);
      double scale = 1;
      for (int halving = 0; halving <= MAX_HALVINGS; halving++, scale /= 2) {
        double[] next = new double[p];
        for (int j = 0; j < p; j++) {
          next[j] = beta[j] + scale * step[j];
        }
        double[] nextWeights = weights(cells, design, next);
        double nextGap = CellRaking.largestGap(margins, cells, nextWeights, targets).gap();
        // Near the solution the dual no longer moves in double precision, while the gap still falls.
        if (nextGap < gap || dual(nextWeights, next, target) < dual || halving == MAX_HALVINGS) {
          beta = next;
          weights = nextWeights;
          gap = nextGap;
          break;
        }
      }
    }
    if (gap > settings.tolerance() * total) {
      CellRaking.Gap worst = CellRaking.largestGap(margins, cells, weights, targets);
      throw WeightingErrors.notConverged(survey, iteration, worst.margin(), worst.category(), worst.weighted(),
          worst.target(), settings.tolerance());
    }
    Map<List<String>, Double> factors = new HashMap<>();
    for (int c = 0; c < cells.size(); c++) {
      factors.put(cells.get(c).categories(), weights[c] / cells.get(c).weight());
    }
    return new RakingResult(factors, iteration, gap);
  }

  private static double[] weights(List<Cell> cells, int[][] design, double[] beta) {
    double[] weights = new double[cells.size()];
    for (int c = 0; c < cells.size(); c++) {
      double eta = 0;
      for (int j : design[c]) {
        eta += beta[j];
      }
      weights[c] = cells.get(c).weight() * Math.exp(eta);
    }
    return weights;
  }

  /** The convex function whose minimum is the raking solution: its gradient is the weighted totals' gap. */
  private static double dual(double[] weights, double[] beta, List<Double> target) {
    double value = 0;
    for (double w : weights) {
      value += w;
    }
    for (int j = 0; j < beta.length; j++) {
      value -= target.get(j) * beta[j];
    }
    return value;
  }

  /** Gaussian elimination with partial pivoting on the ridged symmetric matrix. */
  private static double[] solve(double[][] matrix, double[] rhs) {
    int p = rhs.length;
    double[][] a = new double[p][p + 1];
    double trace = 0;
    for (int j = 0; j < p; j++) {
      trace += matrix[j][j];
    }
    for (int j = 0; j < p; j++) {
      System.arraycopy(matrix[j], 0, a[j], 0, p);
      a[j][j] += RIDGE * trace / p;
      a[j][p] = rhs[j];
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int row = col + 1; row < p; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int row = col + 1; row < p; row++) {
        double factor = a[row][col] / a[col][col];
        for (int k = col; k <= p; k++) {
          a[row][k] -= factor * a[col][k];
        }
      }
    }
    double[] x = new double[p];
    for (int row = p - 1; row >= 0; row--) {
      double sum = a[row][p];
      for (int k = row + 1; k < p; k++) {
        sum -= a[row][k] * x[k];
      }
      x[row] = sum / a[row][row];
    }
    return x;
  }
}

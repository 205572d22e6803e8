package dk.barometer.weighting;

import dk.barometer.BarometerException;
import dk.barometer.config.Classifications;
import dk.barometer.config.RakingSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The weighting recipe after the starting weights: the register margins as collapsed by the settings, raking to
 * them, and trimming when configured ({@link TrimmedRaking}). It works on weighting cells of any starting weights:
 * the design weights of a yearly run ({@link SurveyWeighting}), or a replicate's perturbed design weights, which go
 * through the same steps so that the replicate's variance includes the calibration's. Cells that share their margin
 * categories but not their unit starting weight are separate cells; raking gives them one factor, trimming caps
 * each unit weight on its own.
 */
public final class WeightingRecipe {
  private final String survey;
  private final SurveySettings settings;
  private final RakingSettings raking;
  private final Classifications classifications;

  /** {@code classifications} give the codes a margin may have, which a message on the register's totals names. */
  public WeightingRecipe(String survey, SurveySettings settings, RakingSettings raking,
                         Classifications classifications) {
    this.survey = survey;
    this.settings = settings;
    this.raking = raking;
    this.classifications = classifications;
  }

  /**
   * The calibrated cells: each cell's final weight total, the last raking's iterations and gap, and the trimming's
   * rounds and trimmed respondents (0 without trimming).
   */
  public record Calibration(double[] totals, RakingResult lastRaking, int trimmingRounds, long trimmed) {
    public Calibration {
      totals = totals.clone();
    }

    @Override
    public double[] totals() {
      return totals.clone();
    }
  }

  /**
   * Calibrates {@code cells} (margin categories in the order of the settings' margins, then the stratum). The cells
   * and the register's margins must match first: every category of the respondents has a count, every counted
   * category has respondents, and every margin has one total; otherwise it is a weighting error that names the
   * margin, the categories and the register's files.
   */
  public Calibration calibrate(List<Cell> cells, RegisterMargins register) {
    List<String> margins = settings.margins();
    List<Map<String, Double>> targets = checkedTargets(cells, register);
    CellRaking cellRaking = new CellRaking(survey, raking);
    if (settings.trimming() == null) {
      RakingResult result = cellRaking.rake(margins, cells, targets);
      return new Calibration(TrimmedRaking.totals(cells, result), result, 0, 0);
    }
    TrimmedRaking.Outcome outcome = new TrimmedRaking(cellRaking, new TrimmedRaking.NotSettled() {
      @Override
      public BarometerException error(int rounds, double maxWeight, double cap) {
        return WeightingErrors.trimmingNotConverged(survey, rounds, maxWeight, cap);
      }

      @Override
      public BarometerException error(TrimmedRaking.Shortfall shortfall, double cap) {
        return WeightingErrors.capBelowCategory(survey, shortfall, cap);
      }
    }).rake(margins, cells, targets, settings.trimming());
    return new Calibration(outcome.totals(), outcome.lastRaking(), outcome.rounds(), outcome.trimmed());
  }

  /**
   * The calibration of bootstrap replicates of the sample whose cells are {@code sample} (at their design weights),
   * to {@code register}. With trimming, every replicate is trimmed under the sample's cap (k times the median
   * weight of the sample's first raking), computed here once.
   */
  public Replicates replicates(List<Cell> sample, RegisterMargins register) {
    double cap = Double.NaN;
    if (settings.trimming() != null) {
      RakingResult first = new CellRaking(survey, raking).rake(settings.margins(), sample,
          checkedTargets(sample, register));
      cap = TrimmedRaking.cap(sample, first, settings.trimming());
    }
    return new Replicates(sample, register, cap);
  }

  /**
   * Bootstrap replicates of one sample, each calibrated as {@link #calibrate} calibrates the sample, with the same
   * checks and margins, but raked by Newton's method ({@link NewtonRaking}, R's {@code calibrate(calfun =
   * "raking")}): a replicate can leave a category almost without weight, where proportional fitting converges too
   * slowly. Trimming caps a respondent's replicate weight over its multiplier, the weight of one of its copies in
   * the replicate's resample, at the sample's cap, and shares the excess equally among the copies below it.
   */
  public final class Replicates {
    private final List<Cell> sample;
    private final RegisterMargins register;
    private final double cap;

    private Replicates(List<Cell> sample, RegisterMargins register, double cap) {
      this.sample = List.copyOf(sample);
      this.register = register;
      this.cap = cap;
    }

    /**
     * Replicate {@code replicate} (from 1), whose respondents' multipliers sum to {@code multiplierSums[c]} in the
     * sample's cell c: its cells start at design weight x that sum.
     */
    public Calibration calibrate(int replicate, double[] multiplierSums) {
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < sample.size(); c++) {
        Cell cell = sample.get(c);
        cells.add(new Cell(cell.categories(), cell.units(), cell.weight() / cell.units() * multiplierSums[c]));
      }
      List<Map<String, Double>> targets = checkedTargets(cells, register);
      NewtonRaking newton = new NewtonRaking(survey, raking);
      if (settings.trimming() == null) {
        RakingResult result = newton.rake(settings.margins(), cells, targets);
        return new Calibration(TrimmedRaking.totals(cells, result), result, 0, 0);
      }
      TrimmedRaking.Outcome outcome = new TrimmedRaking(newton, new TrimmedRaking.NotSettled() {
        @Override
        public BarometerException error(int rounds, double maxWeight, double sampleCap) {
          return WeightingErrors.replicateTrimmingNotConverged(survey, replicate, rounds, maxWeight, sampleCap);
        }

        @Override
        public BarometerException error(TrimmedRaking.Shortfall shortfall, double sampleCap) {
          return WeightingErrors.replicateCapBelowCategory(survey, replicate, shortfall, sampleCap);
        }
      }).rake(settings.margins(), cells, multiplierSums, targets, cap);
      return new Calibration(outcome.totals(), outcome.lastRaking(), outcome.rounds(), outcome.trimmed());
    }
  }

  private List<Map<String, Double>> checkedTargets(List<Cell> cells, RegisterMargins register) {
    List<String> margins = settings.margins();
    List<Map<String, Double>> targets = margins.stream()
        .map(m -> settings.collapsed(m, register.margin(settings.population(), m))).toList();
    checkTargets(margins, cells, targets, register.files());
    return targets;
  }

  /**
   * Categories first, totals last: a category missing from one margin also makes its total differ, and the
   * category is what there is to fix.
   */
  private void checkTargets(List<String> margins, List<Cell> cells, List<Map<String, Double>> targets,
                            List<String> files) {
    for (int m = 0; m < margins.size(); m++) {
      Map<String, Long> byCategory = new TreeMap<>();
      Map<String, Double> weights = new TreeMap<>();
      for (Cell cell : cells) {
        byCategory.merge(cell.categories().get(m), cell.units(), Long::sum);
        weights.merge(cell.categories().get(m), cell.weight(), Double::sum);
      }
      Map<String, Long> missing = new TreeMap<>(byCategory);
      missing.keySet().removeAll(targets.get(m).keySet());
      if (!missing.isEmpty()) {
        throw WeightingErrors.categoriesNotInRegister(survey, settings.population(), margins.get(m), missing,
            targets.get(m).keySet(), files);
      }
      for (Map.Entry<String, Double> t : targets.get(m).entrySet()) {
        if (!(weights.getOrDefault(t.getKey(), 0.0) > 0)) {
          throw WeightingErrors.emptyCategory(survey, margins.get(m), t.getKey(), t.getValue(), files);
        }
      }
    }
    double firstTotal = RegisterMargins.total(targets.get(0));
    for (int m = 1; m < margins.size(); m++) {
      double total = RegisterMargins.total(targets.get(m));
      if (Math.abs(total - firstTotal) > raking.tolerance() * firstTotal) {
        int smaller = total < firstTotal ? m : 0;
        throw WeightingErrors.inconsistentTotals(survey, settings.population(), margins.get(m), total,
            margins.get(0), firstTotal, margins.get(smaller), absentCodes(margins.get(smaller),
                targets.get(smaller)), files);
      }
    }
  }

  /** The codes of the margin's classification, after its collapse rules, that the register margin has no count for. */
  private Set<String> absentCodes(String margin, Map<String, Double> target) {
    Set<String> absent = new TreeSet<>();
    Map<String, String> rules = settings.collapseOf(margin);
    classifications.get(margin).codeValues().forEach(code -> absent.add(rules.getOrDefault(code, code)));
    absent.removeAll(target.keySet());
    return absent;
  }
}

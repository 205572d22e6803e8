package dk.barometer.weighting;

import dk.barometer.config.RakingSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import java.util.List;
import java.util.Map;

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

  public WeightingRecipe(String survey, SurveySettings settings, RakingSettings raking) {
    this.survey = survey;
    this.settings = settings;
    this.raking = raking;
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

  /** Calibrates {@code cells} (margin categories in the order of the settings' margins, then the stratum). */
  public Calibration calibrate(List<Cell> cells, RegisterMargins register) {
    List<String> margins = settings.margins();
    List<Map<String, Double>> targets = margins.stream()
        .map(m -> settings.collapsed(m, register.margin(settings.population(), m))).toList();
    CellRaking cellRaking = new CellRaking(survey, raking);
    if (settings.trimming() == null) {
      RakingResult result = cellRaking.rake(margins, cells, targets);
      return new Calibration(TrimmedRaking.totals(cells, result), result, 0, 0);
    }
    TrimmedRaking.Outcome outcome = new TrimmedRaking(survey, cellRaking, settings.trimming())
        .rake(margins, cells, targets);
    return new Calibration(outcome.totals(), outcome.lastRaking(), outcome.rounds(), outcome.trimmed());
  }
}

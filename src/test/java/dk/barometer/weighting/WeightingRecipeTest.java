package dk.barometer.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.BarometerException;
import dk.barometer.config.RakingSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.testing.Margin;
import dk.barometer.testing.ReferenceFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recipe's check of the cells against the register: each mismatch named by margin, category and file. */
class WeightingRecipeTest {
  private static final String FILE = "/in/register/year=2025/part-00000.parquet";
  private static final WeightingRecipe RECIPE = new WeightingRecipe("employer",
      new SurveySettings("firms", "stratum", List.of("industry", "region")), new RakingSettings(1e-10, 100),
      ReferenceFixture.classifications());
  /** Two respondents in Copenhagen (1084), three in Central Jutland (1082). */
  private static final List<Cell> CELLS = List.of(new Cell(List.of("J", "1084", "micro"), 2, 40),
      new Cell(List.of("F", "1082", "micro"), 3, 60));

  private static RegisterMargins register(Map<String, Double> industry, Map<String, Double> region) {
    return new RegisterMargins(2025, "/in/register/year=2025", Map.of("firms", Map.of("industry", industry,
        "region", region)), Map.of("firms", "test"), List.of(FILE));
  }

  @Test
  void matchingMarginsAreReached() {
    double[] totals = RECIPE.calibrate(CELLS, register(Margin.of("J", 30, "F", 70), Margin.of("1084", 30, "1082", 70)))
        .totals();
    assertThat(totals[0]).isCloseTo(30, within(1e-6));
    assertThat(totals[1]).isCloseTo(70, within(1e-6));
  }

  @Test
  void aRegisterCategoryMissingIsNamedWithItsRespondentsAndFile() {
    // The region counts lack 1082, so they also sum to less than the industry counts: the category is the fault.
    assertThatThrownBy(() -> RECIPE.calibrate(CELLS, register(Margin.of("J", 30, "F", 70), Margin.of("1084", 30))))
        .isInstanceOf(BarometerException.class)
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.WEIGHTING))
        .hasMessageContaining("the register margin region of firms has no count for region = '1082' "
            + "(3 respondent(s))")
        .hasMessageContaining(FILE)
        .hasMessageNotContaining("sums to");
  }

  @Test
  void aRegisterCategoryWithoutRespondentsIsNamed() {
    assertThatThrownBy(() -> RECIPE.calibrate(CELLS, register(Margin.of("J", 30, "F", 50, "A", 20),
            Margin.of("1084", 30, "1082", 70))))
        .hasMessageContaining("register category industry = 'A' (20 units) has no respondents")
        .hasMessageContaining(FILE);
  }

  @Test
  void marginsOfDifferentTotalsNameTheCodesTheSmallerLacks() {
    // Every respondent's region is counted, but the counts stop at 90 of 100: a region without respondents is left
    // out, and the message names the classification's regions the counts lack.
    assertThatThrownBy(() -> RECIPE.calibrate(CELLS, register(Margin.of("J", 30, "F", 70),
            Margin.of("1084", 30, "1082", 60))))
        .hasMessageContaining("the register margin region of firms sums to 90.0 but industry sums to 100.0")
        .hasMessageContaining("region has no count for classification code(s) [1081, 1083, 1085]")
        .hasMessageContaining(FILE);
  }

  /**
   * Design weights of 20 that the register margins keep, so the median is 20 and k = 1.5 caps at 30. A replicate
   * whose draw leaves the two J (1084) respondents multipliers of 0.25 each can weigh them at most 0.5 x 30 = 15,
   * short of J's 40: the replicate cannot settle, and the error says which replicate, category and cap.
   */
  @Test
  void aReplicateWhoseDrawLeavesACategoryBelowTheCapIsNamed() {
    WeightingRecipe trimming = new WeightingRecipe("employer", new SurveySettings("firms", "stratum",
        List.of("industry", "region"), Map.of(), new dk.barometer.config.TrimmingSettings(1.5)),
        new RakingSettings(1e-10, 100), ReferenceFixture.classifications());
    RegisterMargins register = register(Margin.of("J", 40, "F", 60), Margin.of("1084", 40, "1082", 60));

    assertThatThrownBy(() -> trimming.replicates(CELLS, register).calibrate(7, new double[] {0.5, 4.5}))
        .isInstanceOf(BarometerException.class)
        .hasMessageContaining("employer: bootstrap replicate 7")
        .hasMessageContaining("industry = 'J' with multipliers summing to 0.5000")
        .hasMessageContaining("at most 15.0000 under the full sample's cap 30.0000")
        .hasMessageContaining("register total 40.0000");
    assertThat(trimming.replicates(CELLS, register).calibrate(8, new double[] {2, 3}).totals())
        .containsExactly(40, 60);
  }
}

package dk.barometer.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.SimulationSettings;
import dk.barometer.testing.TestSpark;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateCoverageTest {
  @Test
  void tallyGivesCoverageSpreadAndMeanStandardError() {
    EstimateCoverage.Tally tally = new EstimateCoverage.Tally();
    double truth = 0.5;
    // Bootstrap intervals by hand, t(0.975, 50) = 2.00856: 0.40 +- SE 0.06 on the logit scale is 0.290 to 0.524
    // (covers); 0.54 with SE 0.01 is 0.520 to 0.560 (misses); the third sample drew no replicate weights.
    tally.add(0.40, 0.05, 0.31, 0.49, 100, truth, 0.06, 50L); // misses above
    tally.add(0.50, 0.05, 0.41, 0.59, 110, truth, 0.05, 50L);
    tally.add(0.60, 0.08, 0.45, 0.74, 120, truth, null, 50L);
    tally.add(0.54, null, null, null, 130, truth, 0.01, 50L); // no interval: counts for the spread, not for coverage
    EstimateCoverage c = tally.result("employer", "uses_ai", "total", "all", "yes", truth);
    // By hand: mean 0.51; deviations -0.11, -0.01, 0.09, 0.03; squares sum 0.0212; sd sqrt(0.0212 / 3).
    assertEquals(0.51, c.meanEstimate(), 1e-12);
    assertEquals(0.01, c.bias(), 1e-12);
    assertEquals(Math.sqrt(0.0212 / 3), c.empiricalSd(), 1e-12);
    assertEquals(0.045, c.meanSe(), 1e-12);
    assertEquals(3, c.intervals());
    assertEquals(2.0 / 3, c.coverage(), 1e-12);
    assertEquals(115, c.meanBaseN(), 1e-12);
    assertEquals(0.045 / Math.sqrt(0.0212 / 3), c.seRatio(), 1e-12);
    assertEquals(0.04, c.meanBootstrapSe(), 1e-12);
    assertEquals(3, c.bootstrapIntervals());
    assertEquals(2.0 / 3, c.bootstrapCoverage(), 1e-12);
  }

  @Test
  void theShippedSimulationChecksIndicatorsAndDomainsOfTheCatalogue() {
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    SimulationSettings settings = SimulationSettings.load(TestSpark.confDir());
    List<IndicatorDefinition> employer = settings.indicators(config.indicators(), "employer");
    assertEquals(List.of("total", "size_class"), employer.get(0).domains());
    assertEquals(500, settings.samples());

    SimulationSettings unknown = new SimulationSettings(1, 1, 10, List.of(0.93, 0.97),
        List.of(new SimulationSettings.SimulatedEstimate("employer", "uses_ai", List.of("job_function"))), null);
    BarometerException e = assertThrows(BarometerException.class,
        () -> unknown.indicators(config.indicators(), "employer"));
    assertEquals(true, e.getMessage().contains("has no domain 'job_function'"), e.getMessage());
  }
}

package dk.barometer.testing;

import dk.barometer.config.BarometerConfig;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The tiny wave most run tests start from. Eight firms in two strata: micro (register N = 1000, n = 4, d = 250)
 * and large (N = 20, n = 4, d = 5). The register's industry and region counts equal the design-weighted totals
 * (510 each), so raking keeps the design weights and every estimate can be computed by hand. Four employees:
 * micro N = 300 (d = 150), large N = 700 (d = 350); industry and region totals 500 each.
 */
public final class ConsistentWave {
  private ConsistentWave() {}

  public static WaveFixture fixture(SparkSession spark, BarometerConfig config, int wave) {
    WaveFixture f = new WaveFixture(spark, config, wave)
        .respondent("employer", 1, List.of("J", "1084", "micro", "private"), Map.of("ai_maturity", 1))
        .respondent("employer", 2, List.of("J", "1084", "micro", "private"), Map.of("ai_maturity", 2))
        .respondent("employer", 3, List.of("F", "1082", "micro", "private"), Map.of("ai_maturity", 1))
        .respondent("employer", 4, List.of("F", "1082", "micro", "private"), Map.of("ai_maturity", 3))
        .respondent("employer", 5, List.of("J", "1082", "large", "private"), Map.of("ai_maturity", 4))
        .respondent("employer", 6, List.of("F", "1084", "large", "public"), Map.of("ai_maturity", 2))
        .respondent("employer", 7, List.of("J", "1084", "large", "private"), Map.of("ai_maturity", 5))
        .respondent("employer", 8, List.of("F", "1082", "large", "public"), Map.of("ai_maturity", 9));
    f.respondent("employee", 1, List.of("J", "1084", "micro", "private", "admin", "generalist"), Map.of("ai_use", 2))
        .respondent("employee", 2, List.of("F", "1082", "micro", "private", "sales", "integrator"), Map.of("ai_use", 1))
        .respondent("employee", 3, List.of("J", "1082", "large", "public", "it", "specialist"), Map.of("ai_use", 4))
        .respondent("employee", 4, List.of("F", "1084", "large", "private", "production", "none"), Map.of("ai_use", 3));
    strata(f).count("firms", "industry", "J", 510).count("firms", "industry", "F", 510)
        .count("firms", "region", "1084", 510).count("firms", "region", "1082", 510)
        .count("employees", "industry", "J", 500).count("employees", "industry", "F", 500)
        .count("employees", "region", "1084", 500).count("employees", "region", "1082", 500);
    return f;
  }

  /**
   * A register whose firm totals by industry and region the design weights miss, so raking has work to do (feasible
   * with every cell positive: micro J anywhere in (495, 512)); size classes and strata as in {@link #fixture}. Of
   * the 1000 employees, {@code employeesJ} are in industry J and {@code employees1084} in region 1084, the others
   * in F and 1082.
   */
  public static WaveFixture skewedRegister(SparkSession spark, BarometerConfig config, int wave, double employeesJ,
                                           double employees1084) {
    return strata(new WaveFixture(spark, config, wave))
        .count("firms", "industry", "J", 515).count("firms", "industry", "F", 505)
        .count("firms", "region", "1084", 512).count("firms", "region", "1082", 508)
        .count("employees", "industry", "J", employeesJ).count("employees", "industry", "F", 1000 - employeesJ)
        .count("employees", "region", "1084", employees1084)
        .count("employees", "region", "1082", 1000 - employees1084);
  }

  /** The register's size classes, which are also the sampling strata. */
  private static WaveFixture strata(WaveFixture f) {
    for (String variable : List.of("size_class", "stratum")) {
      f.count("firms", variable, "micro", 1000).count("firms", variable, "large", 20)
          .count("employees", variable, "micro", 300).count("employees", variable, "large", 700);
    }
    return f;
  }
}

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
    for (String variable : List.of("size_class", "stratum")) {
      f.count("firms", variable, "micro", 1000).count("firms", variable, "large", 20)
          .count("employees", variable, "micro", 300).count("employees", variable, "large", 700);
    }
    f.count("firms", "industry", "J", 510).count("firms", "industry", "F", 510)
        .count("firms", "region", "1084", 510).count("firms", "region", "1082", 510)
        .count("employees", "industry", "J", 500).count("employees", "industry", "F", 500)
        .count("employees", "region", "1084", 500).count("employees", "region", "1082", 500);
    return f;
  }
}

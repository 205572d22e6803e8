package dk.barometer.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.Role;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap standard errors of the documented query over the replicate weights (docs/querying.md) agree with
 * the Taylor standard errors of the same estimates in {@code indicators}: both estimate the same variance, the
 * calibration included. With B = 200 replicates a bootstrap SE has a relative Monte Carlo error of about
 * 1 / sqrt(2 (B - 1)) = 5 %; three of those, 15 %, is allowed.
 */
class BootstrapStandardErrorTest {
  private static final double ALLOWED = 3 / Math.sqrt(2 * (200 - 1));

  @BeforeAll
  static void registerTheDemoWarehouse() {
    QueryZones.register(DemoWarehouse.withTrends());
  }

  @AfterAll
  static void unregister() {
    QueryZones.drop();
  }

  @Test
  void theDocumentedQueryGivesTheTaylorStandardErrorWithinMonteCarloError() {
    Documents.Example example = Documents.examples("docs/querying.md",
            Documents.read(Documents.root().resolve("docs/querying.md"))).stream()
        .filter(e -> e.sql().contains("bootstrap_se")).findFirst().orElseThrow();
    List<Row> bootstrap = QueryZones.session(Role.RESEARCHER).sql(example.sql()).collectAsList();
    Map<String, double[]> taylor = new HashMap<>();
    QueryZones.session(Role.RESEARCHER).sql("SELECT domain_value, estimate, se FROM indicators WHERE wave = 2025 "
            + "AND indicator_id = 'implemented' AND domain = 'size_class' AND category = 'yes'").collectAsList()
        .forEach(r -> taylor.put(r.getString(0), new double[] {r.getDouble(1), r.getDouble(2)}));

    assertThat(bootstrap).hasSize(4);
    for (Row r : bootstrap) {
      double[] t = taylor.get(r.getString(0));
      assertThat(r.getDouble(1)).as("estimate of %s", r.getString(0)).isCloseTo(t[0],
          org.assertj.core.api.Assertions.within(1e-9));
      assertThat(Math.abs(r.getDouble(2) / t[1] - 1)).as("%s: bootstrap SE %s against Taylor SE %s",
          r.getString(0), r.getDouble(2), t[1]).isLessThanOrEqualTo(ALLOWED);
    }
  }
}

package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.config.Role;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pact's tables and v_pact_barometer as an analyst reads them, on the demo warehouse. */
class PactBarometerViewTest {
  private static SparkSession analyst;

  @BeforeAll
  static void registerTheDemoWarehouse() {
    QueryZones.register(DemoWarehouse.withTrends());
    analyst = QueryZones.session(Role.ANALYST);
  }

  @AfterAll
  static void unregister() {
    QueryZones.drop();
  }

  @Test
  void thePactsCountsStandBesideTheBarometersEstimatesEachMarkedWithItsSourceAndKind() {
    List<Row> rows = analyst.sql("SELECT topic, source, kind, unit, value, ci_low_pct, ci_high_pct, base_n "
        + "FROM v_pact_barometer WHERE year = 2025 ORDER BY topic_order, source").collectAsList();
    assertThat(rows).filteredOn(r -> r.getString(1).equals("pact")).allSatisfy(r -> {
      assertThat(r.getString(2)).isEqualTo("counted");
      assertThat(r.isNullAt(5) && r.isNullAt(6) && r.isNullAt(7)).as("a count has no interval").isTrue();
    });
    assertThat(rows).filteredOn(r -> r.getString(1).equals("barometer")).isNotEmpty().allSatisfy(r -> {
      assertThat(r.getString(2)).isEqualTo("estimated");
      assertThat(r.getDouble(5)).isLessThanOrEqualTo(r.getDouble(4));
      assertThat(r.getDouble(6)).isGreaterThanOrEqualTo(r.getDouble(4));
    });
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.getString(0) + "/" + r.getString(1) + "/" + r.getString(3)).isEqualTo("upskilled/pact/people");
      assertThat(r.getDouble(4)).isEqualTo(314_000.0);
    });
    assertThat(rows).extracting(r -> r.getString(0) + "/" + r.getString(1)).contains("upskilled/barometer",
        "on_the_job/pact", "on_the_job/barometer", "wants_upskilling/barometer");
  }

  @Test
  void analystsReadThePactsTablesWithTheirDescriptionButNotItsRejects() {
    assertThat(analyst.sql("SELECT count FROM pact_figures WHERE year = 2025 AND figure = 'partners' "
        + "AND dimension = 'total'").first().getLong(0)).isGreaterThanOrEqualTo(70);
    assertThat(analyst.sql("SELECT count(DISTINCT name) FROM pact_partners WHERE year = 2026").first().getLong(0))
        .isPositive();
    for (String relation : List.of("pact_figures", "pact_upskillings", "v_pact_barometer")) {
      assertThat(analyst.sql("DESCRIBE TABLE EXTENDED " + relation).where("col_name = 'Comment'").first()
          .getString(1)).as("description of %s", relation).contains("no weights, no standard errors");
    }
    assertThatThrownBy(() -> analyst.sql("SELECT * FROM raw.pact_rejects").collectAsList())
        .hasMessageContaining("Access refused");
  }
}

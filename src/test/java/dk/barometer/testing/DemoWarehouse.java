package dk.barometer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.BarometerConfig;
import dk.barometer.estimation.TrendEstimator;
import dk.barometer.pipeline.PactRun;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.util.EnumMap;
import java.util.Map;

/**
 * The 2025 and 2026 demo waves ({@link DemoInputs}) run into one warehouse, with the trends between them and the
 * pact's demo partner reports of both years ({@link PactInputs}): built
 * once per test run and shared by the tests that only read it (two wave runs cost minutes). Each table's checksum
 * and Delta version are taken once it is built, so that a test that attacks it checks afterwards that nothing
 * changed ({@link #assertUnchanged()}).
 */
public final class DemoWarehouse {
  private static Warehouse warehouse;
  private static final Map<Table, String> CHECKSUMS = new EnumMap<>(Table.class);
  private static final Map<Table, Long> VERSIONS = new EnumMap<>(Table.class);

  private DemoWarehouse() {}

  /** The warehouse; tests must not write into it. */
  public static synchronized Warehouse withTrends() {
    if (warehouse == null) {
      BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
      String input = DemoInputs.with(2025, 2026).toString();
      Warehouse built = new Warehouse(TestSpark.spark(), TestSpark.tempDir("demo-warehouse").toString());
      new WaveRun(TestSpark.spark(), config, built, TestKeys.pseudonymKey()).run(2025, input);
      new WaveRun(TestSpark.spark(), config, built, TestKeys.pseudonymKey()).run(2026, input);
      built.replace(Table.TRENDS, new TrendEstimator().trends(built.read(Table.INDICATORS)));
      String pact = PactInputs.demo(2025, 2026).toString();
      new PactRun(TestSpark.spark(), config, built).run(2025, pact);
      new PactRun(TestSpark.spark(), config, built).run(2026, pact);
      for (Table table : Table.values()) {
        CHECKSUMS.put(table, TableChecksum.of(built.read(table)));
        VERSIONS.put(table, built.version(table));
      }
      warehouse = built;
    }
    return warehouse;
  }

  /** Every table holds the rows and has the Delta version it had when the warehouse was built. */
  public static synchronized void assertUnchanged() {
    for (Table table : Table.values()) {
      assertThat(TableChecksum.of(withTrends().read(table))).as("%s since the demo warehouse was built",
          table.tableName()).isEqualTo(CHECKSUMS.get(table));
      assertThat(warehouse.version(table)).as("Delta version of %s", table.tableName())
          .isEqualTo(VERSIONS.get(table));
    }
  }
}

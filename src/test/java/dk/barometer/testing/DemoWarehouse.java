package dk.barometer.testing;

import dk.barometer.config.BarometerConfig;
import dk.barometer.estimation.TrendEstimator;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;

/**
 * The 2025 and 2026 demo waves ({@link DemoInputs}) run into one warehouse, with the trends between them: built
 * once per test run and shared by the tests that only read it (two wave runs cost minutes).
 */
public final class DemoWarehouse {
  private static Warehouse warehouse;

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
      warehouse = built;
    }
    return warehouse;
  }
}

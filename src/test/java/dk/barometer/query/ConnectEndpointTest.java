package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.ConnectClient;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint of 'jobs/barometer serve' on a loopback port, queried with the real Spark Connect JVM client. */
class ConnectEndpointTest {
  @Test
  void aConnectClientQueriesAViewOverTheWarehouseTables() throws IOException {
    SparkSession spark = TestSpark.spark();
    Warehouse warehouse = new Warehouse(spark, TestSpark.tempDir("connect-warehouse").toString());
    warehouse.replaceWave(Table.INDICATORS, 2025, spark.sql("""
        SELECT * FROM VALUES (2025, 'uses_ai', 'total', 'all', 0.65D), (2025, 'uses_ai', 'sector', 'public', 0.5D),
          (2025, 'implemented', 'total', 'all', 0.29D)
        AS t(wave, indicator_id, domain, domain_value, estimate)"""));
    spark.sql("CREATE TABLE indicators USING delta LOCATION '" + warehouse.path(Table.INDICATORS) + "'");
    spark.sql("CREATE OR REPLACE VIEW uses_ai AS SELECT domain, domain_value, round(100 * estimate) AS pct "
        + "FROM indicators WHERE indicator_id = 'uses_ai'");

    try (ConnectEndpoint endpoint = ConnectEndpoint.start(spark, "127.0.0.1", freeLoopbackPort())) {
      assertThat(ConnectClient.query(endpoint.url(), "SELECT concat_ws(' ', domain, domain_value, pct) FROM uses_ai "
          + "ORDER BY domain")).containsExactly("sector public 50.0", "total all 65.0");
    }
  }

  // The catalog is shared by every test class: leave no 'indicators' behind.
  @AfterEach
  void unregister() {
    TestSpark.spark().sql("DROP VIEW IF EXISTS uses_ai");
    TestSpark.spark().sql("DROP TABLE IF EXISTS indicators");
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

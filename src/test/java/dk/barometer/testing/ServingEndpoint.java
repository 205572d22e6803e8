package dk.barometer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Role;
import dk.barometer.query.ConnectEndpoint;
import dk.barometer.query.RoleTokens;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The endpoint of {@code jobs/barometer serve} over a small warehouse of its own, on a free loopback port, with a
 * token for every role: started once per test run (Spark runs one Connect service per JVM) and shared by the tests
 * that query through it. Each test class calls {@link #registerTables()} first: other tests register their own
 * warehouses' tables under the same names in the shared catalog.
 */
public final class ServingEndpoint {
  private static ConnectEndpoint endpoint;
  private static Warehouse warehouse;
  /** The guarded session that the endpoint makes each client's session from (the default session while it serves). */
  private static SparkSession clientBase;
  /** The served table's checksum when the current test class began serving. */
  private static String servedChecksum;
  private static final Map<Role, String> TOKENS = new EnumMap<>(Map.of(Role.ANALYST, "analyst-token-7f3a",
      Role.RESEARCHER, "researcher-token-91c2", Role.ENGINEER, "engineer-token-5d08"));

  private ServingEndpoint() {}

  public static synchronized ConnectEndpoint endpoint() {
    if (endpoint == null) {
      SparkSession spark = TestSpark.spark();
      warehouse = new Warehouse(spark, TestSpark.tempDir("served-warehouse").toString());
      warehouse.replaceWave(Table.INDICATORS, 2025, spark.sql("""
          SELECT * FROM VALUES (2025, 'uses_ai', 'total', 'all', 0.65D), (2025, 'uses_ai', 'sector', 'public', 0.5D),
            (2025, 'implemented', 'total', 'all', 0.29D)
          AS t(wave, indicator_id, domain, domain_value, estimate)"""));
      registerTables();
      endpoint = ConnectEndpoint.start(spark, warehouse, BarometerConfig.load(TestSpark.confDir()), "127.0.0.1",
          freeLoopbackPort(),
          RoleTokens.of(TOKENS), AccessPolicy.load(TestSpark.confDir()));
      clientBase = SparkSession.getDefaultSession().get();
      release();
    }
    return endpoint;
  }

  /**
   * Opens the endpoint to clients: its guarded session becomes the default one, from which Spark Connect makes each
   * client's session. Until {@link #release()}, a session built in this JVM would be that guarded one, so a test
   * class serves from its {@code @BeforeAll} to its {@code @AfterAll} only.
   */
  public static synchronized void serve() {
    endpoint();
    registerTables();
    SparkSession.setDefaultSession(clientBase);
    SparkSession.setActiveSession(clientBase);
    servedChecksum = checksum();
  }

  /** As {@link #release()}, after checking that the served table is as it was when {@link #serve()} began. */
  public static synchronized void releaseUnchanged() {
    try {
      assertThat(checksum()).isEqualTo(servedChecksum);
    } finally {
      release();
    }
  }

  private static String checksum() {
    return TableChecksum.of(warehouse.read(Table.INDICATORS));
  }

  /** The shared test session is the default again, for the test classes that run commands in this JVM. */
  public static synchronized void release() {
    QueryZones.drop();
    SparkSession.setDefaultSession(TestSpark.spark());
    SparkSession.setActiveSession(TestSpark.spark());
  }

  public static synchronized Warehouse warehouse() {
    endpoint();
    return warehouse;
  }

  /**
   * The warehouse's {@code indicators} table by that name in the shared catalog, again, where the published view of
   * that name would be: the name is in every role's zone.
   */
  private static void registerTables() {
    QueryZones.drop();
    TestSpark.spark().sql("CREATE TABLE IF NOT EXISTS indicators USING delta LOCATION '"
        + warehouse.path(Table.INDICATORS) + "'");
  }

  public static String token(Role role) {
    return TOKENS.get(role);
  }

  /** The connection string of {@code role}: its token, and its id as the user id. */
  public static String url(Role role) {
    return url(token(role), role.id());
  }

  public static String url(String token, String userId) {
    return endpoint().url() + "/;token=" + token + ";user_id=" + userId;
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.config.Role;
import dk.barometer.testing.ConnectClient;
import dk.barometer.testing.ServingEndpoint;
import dk.barometer.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SessionHolderInfo;
import org.apache.spark.sql.connect.service.SessionKey;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.apache.spark.sql.connect.service.SparkConnectSessionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The endpoint of 'jobs/barometer serve' on a loopback port, queried with the real Spark Connect JVM client: who
 * gets a session, and what a role below engineer may not send. The data are unchanged afterwards.
 */
class ConnectEndpointTest {
  private static final String SQL = "SELECT concat_ws(' ', domain, domain_value, round(100 * estimate)) FROM "
      + "indicators WHERE indicator_id = 'uses_ai' ORDER BY domain";
  @BeforeAll
  static void serve() {
    ServingEndpoint.serve();
  }

  @AfterAll
  static void dataUnchanged() {
    ServingEndpoint.releaseUnchanged();
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void eachRolesTokenOpensASessionThatReads(Role role) {
    assertThat(ConnectClient.query(ServingEndpoint.url(role), SQL)).containsExactly("sector public 50.0",
        "total all 65.0");
  }

  @Test
  void withoutATokenThereIsNoSession() {
    assertThatThrownBy(() -> ConnectClient.query(ServingEndpoint.endpoint().url(), SQL))
        .hasMessageContaining("No token");
  }

  @Test
  void aWrongTokenHasNoSession() {
    assertThatThrownBy(() -> ConnectClient.query(ServingEndpoint.url("not-a-token", "analyst"), SQL))
        .hasMessageContaining("not one of this endpoint's roles");
  }

  @Test
  void aRolesTokenDoesNotOpenASessionOfAnotherUserId() {
    String url = ServingEndpoint.url(ServingEndpoint.token(Role.RESEARCHER), Role.ANALYST.id());

    assertThatThrownBy(() -> ConnectClient.query(url, SQL)).hasMessageContaining("user_id=researcher");
  }

  @Test
  void aConnectSessionsRoleIsItsTokensRole() {
    Object session = ConnectClient.call("open", ServingEndpoint.url(Role.RESEARCHER));
    try {
      SparkConnectSessionManager sessions = SparkConnectService$.MODULE$.sessionManager();
      SessionHolderInfo info = CollectionConverters.asJava(sessions.listActiveSessions()).stream()
          .filter(s -> s.userId().equals("researcher")).findFirst().orElseThrow();
      SparkSession served = sessions.getIsolatedSessionIfPresent(new SessionKey(info.userId(), info.sessionId()))
          .get().session();

      assertThat(new ConnectSessionRoles().apply(served)).contains(Role.RESEARCHER);
      assertThat(new ConnectSessionRoles().apply(TestSpark.spark())).isEqualTo(Optional.empty());
    } finally {
      ConnectClient.call("close", session);
    }
  }

  @Test
  void anAnalystUploadsNoArtifact() throws Exception {
    Path jar = Files.createTempFile(TestSpark.tempDir("artifact"), "payload", ".jar");

    assertThatThrownBy(() -> ConnectClient.call("addArtifact", ServingEndpoint.url(Role.ANALYST), jar.toString()))
        .hasMessageContaining("engineer role only");
  }

  @Test
  void anAnalystSetsOnlyTheSettableKeys() {
    ConnectClient.call("setConf", ServingEndpoint.url(Role.ANALYST), "spark.sql.session.timeZone", "UTC");

    assertThatThrownBy(() -> ConnectClient.call("setConf", ServingEndpoint.url(Role.ANALYST),
        "spark.sql.warehouse.dir", "/tmp/elsewhere")).hasMessageContaining("'spark.sql.warehouse.dir' is refused");
  }

  @Test
  void anAnalystWritesNoFiles() {
    Path target = TestSpark.tempDir("written").resolve("out");

    assertThatThrownBy(() -> ConnectClient.call("writeParquet", ServingEndpoint.url(Role.ANALYST),
        "SELECT * FROM indicators", target.toString())).hasMessageContaining("engineer role only");
    assertThat(target).doesNotExist();
  }

}

package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.Role;
import dk.barometer.testing.ServingEndpoint;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.connect.service.SessionHolderInfo;
import org.apache.spark.sql.connect.service.SessionKey;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code jobs/barometer sql} as an analyst types it: through a running endpoint when one serves the warehouse (the
 * evidence: a view that exists only in the endpoint's catalog), in a Spark of its own otherwise; printing, --limit
 * and errors the same either way. An integration test: it runs the packaged launcher.
 */
class SqlThroughEndpointIT {
  private static final Path HOME = Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath().normalize();

  /** What a run printed (standard output and error together) and its exit code. */
  private record Run(int exitCode, String output) {}

  @BeforeAll
  static void serve() {
    ServingEndpoint.serve();
    TestSpark.spark().sql("CREATE OR REPLACE VIEW only_served AS SELECT 'through the endpoint' AS via");
  }

  @AfterAll
  static void dropView() {
    TestSpark.spark().sql("DROP VIEW IF EXISTS only_served");
    ServingEndpoint.releaseUnchanged();
  }

  @Test
  void statementsGoToTheRunningEndpoint() throws Exception {
    // A view outside every zone: only an engineer reads it.
    Run run = sql(endpointEnv(), "--role", "engineer", "--format", "csv", "SELECT via FROM only_served");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output().lines()).contains("via", "through the endpoint");
  }

  @Test
  void limitCapsCsvAndJsonThroughTheEndpoint() throws Exception {
    Run csv = sql(endpointEnv(), "--format", "csv", "--limit", "2", "SELECT id FROM range(5) ORDER BY id");
    Run json = sql(endpointEnv(), "--format", "json", "--limit", "2", "SELECT id FROM range(5) ORDER BY id");

    assertThat(csv.output().lines().filter(l -> !l.startsWith("WARNING"))).containsExactly("id", "0", "1");
    assertThat(json.output().lines().filter(l -> !l.startsWith("WARNING"))).containsExactly("{\"id\":0}",
        "{\"id\":1}");
  }

  @Test
  void theEndpointPrintsWhatALocalRunPrints() throws Exception {
    Path script = TestSpark.tempDir("typed-statements").resolve("typed.sql");
    Files.writeString(script, """
        SELECT * FROM VALUES
          (1, 2.5D, CAST(1.50 AS DECIMAL(5, 2)), 'a,b', TIMESTAMP '2025-12-04 10:00:00.25', DATE '2025-01-01',
           array(1, NULL), map('k', 'v'), named_struct('x', 1, 'y', 'z'), true, CAST(NULL AS STRING)),
          (2, -0.1D, NULL, 'say "hi"', NULL, NULL, array(), NULL, NULL, false, 'n')
          AS t(i, d, m, s, ts, dt, xs, kv, st, b, n) ORDER BY i;
        DESCRIBE QUERY SELECT 1 AS one, 'x' AS two;
        """);
    Map<String, String> local = endpointEnv();
    local.put("BAROMETER_ENDPOINT", "off");
    // The statements read no table: an empty warehouse serves the local run.
    String empty = Files.createDirectories(script.resolveSibling("warehouse")).toString();
    for (String format : List.of("table", "json")) {
      Run served = sql(endpointEnv(), "--format", format, "-f", script.toString());
      Run here = sql(local, "--warehouse", empty, "--format", format, "-f", script.toString());

      assertThat(served.exitCode()).as(served.output()).isZero();
      assertThat(printed(served)).as(format).isEqualTo(printed(here));
      assertThat(String.join("\n", printed(served))).contains("say");
    }
  }

  @Test
  void aWriteThroughTheEndpointIsRefusedAndChangesNothing() throws Exception {
    Run delete = sql(endpointEnv(), "DELETE FROM indicators WHERE wave = 2025");
    Run java = sql(endpointEnv(), "SELECT reflect('java.lang.System', 'getProperty', 'user.name')");

    assertThat(delete.exitCode()).as(delete.output()).isEqualTo(2);
    assertThat(delete.output()).contains("Access refused: the role 'analyst'");
    assertThat(java.exitCode()).as(java.output()).isEqualTo(2);
    assertThat(java.output()).contains("Access refused").doesNotContain("root");
  }

  @Test
  void anSqlErrorOfTheEndpointExitsAsALocalOne() throws Exception {
    Run run = sql(endpointEnv(), "--role", "engineer", "SELECT no_such_column FROM only_served");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("error: SQL error:").contains("no_such_column");
  }

  @Test
  void aRefusedTokenIsAConfigurationError() throws Exception {
    Map<String, String> env = endpointEnv();
    env.put("BAROMETER_ANALYST_TOKEN", "not-the-token");

    Run run = sql(env, "SELECT 1");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
    assertThat(run.output()).contains("refused role analyst's token (env:BAROMETER_ANALYST_TOKEN)");
  }

  @Test
  void anotherWarehouseRunsLocally() throws Exception {
    Path other = Files.createDirectories(TestSpark.tempDir("other-warehouse").resolve("warehouse"));

    Run run = sql(endpointEnv(), "--warehouse", other.toString(), "--format", "csv", "SELECT 'locally' AS via");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("not " + other + ": running locally");
    assertThat(run.output().lines()).contains("locally");
  }

  @Test
  void withoutAnEndpointItRunsLocally() throws Exception {
    Path empty = Files.createDirectories(TestSpark.tempDir("no-endpoint").resolve("warehouse"));
    Map<String, String> env = endpointEnv();
    env.put("BAROMETER_ENDPOINT", "sc://localhost:" + closedPort());

    Run run = sql(env, "--warehouse", empty.toString(), "--format", "csv", "SELECT 'locally' AS via");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain("note:");
    assertThat(run.output().lines()).contains("locally");
  }

  @Test
  void readingCallsShareOneSessionAndASettingStaysInItsCall() throws Exception {
    Map<String, String> env = endpointEnv();
    Path cache = TestSpark.tempDir("user-cache");
    env.put("XDG_CACHE_HOME", cache.toString());

    Run first = sql(env, "--format", "csv", "SELECT current_timezone() AS zone");
    String shared = sharedId(cache);
    Run set = sql(env, "--format", "csv", "SET spark.sql.session.timeZone = America/New_York; "
        + "SELECT current_timezone() AS zone");
    Run after = sql(env, "--format", "csv", "SELECT current_timezone() AS zone");

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(printed(set)).as(set.output()).contains("America/New_York");
    assertThat(printed(after)).as("the setting was in the call's own session").containsExactly("zone", "UTC");
    assertThat(sharedId(cache)).isEqualTo(shared);
    assertThat(activeSessions(Role.ANALYST)).contains(shared);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve("barometer/endpoint-sessions"))))
        .isEqualTo("rwx------");
  }

  @Test
  void aSharedSessionThatTheEndpointClosedIsReplaced() throws Exception {
    Map<String, String> env = endpointEnv();
    Path cache = TestSpark.tempDir("user-cache");
    env.put("XDG_CACHE_HOME", cache.toString());
    sql(env, "SELECT 1");
    String closed = sharedId(cache);
    SparkConnectService$.MODULE$.sessionManager().closeSession(new SessionKey(Role.ANALYST.id(), closed), false);

    Run run = sql(env, "--format", "csv", "SELECT 'again' AS via");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(printed(run)).containsExactly("via", "again");
    assertThat(sharedId(cache)).isNotEqualTo(closed);
  }

  /** The one shared session id kept under {@code cache} (the analyst's at the test endpoint). */
  private static String sharedId(Path cache) throws IOException {
    try (var files = Files.list(cache.resolve("barometer/endpoint-sessions"))) {
      List<Path> kept = files.toList();
      assertThat(kept).hasSize(1);
      return Files.readString(kept.get(0)).strip();
    }
  }

  private static List<String> activeSessions(Role role) {
    return CollectionConverters.asJava(SparkConnectService$.MODULE$.sessionManager().listActiveSessions()).stream()
        .filter(s -> s.userId().equals(role.id())).map(SessionHolderInfo::sessionId).toList();
  }

  /** What a run printed but the JVM's warnings. */
  private static List<String> printed(Run run) {
    return run.output().lines().filter(l -> !l.startsWith("WARNING")).toList();
  }

  private static Map<String, String> endpointEnv() {
    return new java.util.HashMap<>(Map.of("BAROMETER_ENDPOINT", ServingEndpoint.endpoint().url(),
        "BAROMETER_ANALYST_TOKEN", ServingEndpoint.token(Role.ANALYST),
        "BAROMETER_ENGINEER_TOKEN", ServingEndpoint.token(Role.ENGINEER)));
  }

  /** jobs/barometer sql over the served warehouse (unless args name another) with {@code env}. */
  private static Run sql(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("jobs/barometer").toString(), "sql"));
    if (!List.of(args).contains("--warehouse")) {
      command.addAll(List.of("--warehouse", ServingEndpoint.warehouse().root()));
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("BAROMETER_WAREHOUSE");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close(); // no statements piped in
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    return new Run(process.exitValue(), output);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

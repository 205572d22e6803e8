package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.barometer.config.Role;
import dk.barometer.testing.CommandRun;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/barometer estimate} as an analyst who holds only the analyst's token runs it: through a running
 * {@code jobs/barometer serve} over the demo warehouse, both started by the packaged launcher. Every run through the
 * endpoint has {@code BAROMETER_JIT} set to a value the local path rejects (exit 2 before Spark starts), so a run
 * that fell back to local Spark could not pass. The local run it is compared with is the command in this JVM
 * ({@link CommandRun}: what the launcher runs when no endpoint is up, without a JVM and Spark start per run). The
 * estimate is the local one; the attacks of
 * {@link EstimateTest} fail through the endpoint as they do locally, with the same messages and exit codes; the role
 * is the token's; and afterwards every table of the warehouse is as it was.
 */
class EstimateThroughEndpointIT {
  private static final Path HOME = Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Role, String> TOKENS = Map.of(Role.ANALYST, "estimate-analyst-4b1e",
      Role.ENGINEER, "estimate-engineer-c93d");
  private static final String SHARE = "ai_maturity IN (4, 5)";

  private static Warehouse warehouse;
  private static Process serve;
  private static Path serveLog;
  private static String endpoint;

  /** What a run printed on standard output and error, its exit code and how long it took. */
  private record Run(int exitCode, String out, String err, long millis) {
    List<String> printed() {
      return out.lines().filter(l -> !l.startsWith("WARNING")).toList();
    }

    String error() {
      return err.lines().filter(l -> l.startsWith("error:")).findFirst().orElse("");
    }
  }

  @BeforeAll
  static void serveTheDemoWarehouse() throws Exception {
    warehouse = DemoWarehouse.withTrends();
    int port = freeLoopbackPort();
    endpoint = "sc://localhost:" + port;
    serveLog = TestSpark.tempDir("estimate-serve").resolve("serve.log");
    ProcessBuilder builder = new ProcessBuilder(HOME.resolve("jobs/barometer").toString(), "serve", "--warehouse",
        warehouse.root(), "--conf", TestSpark.confDir().toString(), "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(serveLog.toFile());
    builder.environment().put("BAROMETER_ANALYST_TOKEN", TOKENS.get(Role.ANALYST));
    builder.environment().put("BAROMETER_ENGINEER_TOKEN", TOKENS.get(Role.ENGINEER));
    serve = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!Files.readString(serveLog).contains("Serving the tables")) {
      assertThat(serve.isAlive()).as("serve ended: %s", Files.readString(serveLog)).isTrue();
      assertThat(System.nanoTime()).as("serve did not start in 300 s").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  @AfterAll
  static void stopServingAndCheckEveryTable() throws InterruptedException {
    if (serve != null) {
      serve.destroy();
      serve.waitFor(60, TimeUnit.SECONDS);
    }
    DemoWarehouse.assertUnchanged();
  }

  @Test
  void anAnalystsEstimateThroughTheEndpointIsTheLocalOne() throws Exception {
    for (String format : List.of("table", "json")) {
      String[] request = {"--wave", "2025", "--survey", "employer", "--share", SHARE,
          "--by", "size_class,industry", "--format", format};
      Run served = throughEndpoint(request);
      Run here = locally(request);

      assertThat(served.exitCode()).as(served.err()).isZero();
      assertThat(here.exitCode()).as(here.err()).isZero();
      assertThat(served.printed()).as(format).isEqualTo(here.printed()).hasSizeGreaterThan(5);
      assertThat(String.join("\n", served.printed())).as(format).contains("suppressed");
      System.out.printf("estimate --format %s: through the endpoint %d ms (a JVM started by the launcher), in "
          + "this JVM %d ms%n", format, served.millis(), here.millis());
    }
  }

  /** What an analyst tries to learn the maturity of the firm alone in its industry, region and size class. */
  @Test
  void theAttacksOfAnAnalystFailThroughTheEndpoint() throws Exception {
    Row firm = aloneFirm();
    String alone = alone(firm);

    Run filtered = throughEndpoint("--wave", "2025", "--survey", "employer", "--share", SHARE, "--where", alone,
        "--format", "json");
    assertThat(filtered.exitCode()).as(filtered.err()).isZero();
    assertThat(filtered.printed()).singleElement().satisfies(line -> {
      JsonNode row = JSON.readTree(line);
      assertThat(row.path("reliability").asText()).isEqualTo("suppressed");
      assertThat(row.has("estimate") || row.has("pct") || row.has("base_n") || row.has("se")).isFalse();
    });

    Run fine = throughEndpoint("--wave", "2025", "--survey", "employer", "--share", SHARE, "--by",
        "industry,region", "--format", "json");
    assertThat(fine.exitCode()).as(fine.err()).isZero();
    for (String line : fine.printed()) {
      JsonNode row = JSON.readTree(line);
      if (row.has("base_n")) {
        assertThat(row.path("base_n").asLong()).as(line).isGreaterThanOrEqualTo(30);
      }
    }

    List<String[]> complements = List.of(
        new String[] {"--where", "NOT (" + alone + ")"},
        new String[] {"--base", "NOT (" + alone + ")"},
        new String[] {"--by", "size_class", "--where",
            String.format("NOT (industry = '%s' AND region = '%s')", firm.getString(0), firm.getString(1))});
    for (String[] complement : complements) {
      List<String> argv = new ArrayList<>(List.of("--wave", "2025", "--survey", "employer", "--share", SHARE));
      argv.addAll(List.of(complement));
      Run served = throughEndpoint(argv.toArray(String[]::new));
      Run here = locally(argv.toArray(String[]::new));

      assertThat(served.exitCode()).as(served.err()).isEqualTo(2);
      assertThat(served.error()).contains("refused for the role 'analyst'", "between 1 and 29 respondents")
          .isEqualTo(here.error());
      assertThat(served.printed()).isEmpty();
    }
  }

  @Test
  void refusedConditionsExitAsLocally() throws Exception {
    Map<String, Integer> conditions = Map.of("ai_maturty IN (2, 3)", 3, "respondent_id = 42", 3,
        "reflect('java.lang.System', 'getProperty', 'user.name') = 'x'", 2);
    for (Map.Entry<String, Integer> condition : conditions.entrySet()) {
      String[] request = {"--wave", "2025", "--survey", "employer", "--share", condition.getKey()};
      Run served = throughEndpoint(request);
      Run here = locally(request);

      assertThat(served.exitCode()).as(served.err()).isEqualTo(condition.getValue()).isEqualTo(here.exitCode());
      assertThat(served.error()).as(condition.getKey()).isNotEmpty().isEqualTo(here.error());
      assertThat(served.out()).isEmpty();
    }
  }

  /** The analyst's token with an engineer's user id is refused; the engineer's token sees the firm's estimate. */
  @Test
  void theRoleIsTheTokensNotTheOneTheClientClaims() throws Exception {
    String[] alone = {"--wave", "2025", "--survey", "employer", "--share", SHARE, "--where", alone(aloneFirm()),
        "--format", "json"};
    Map<String, String> claimed = endpointEnv();
    claimed.put("BAROMETER_ENGINEER_TOKEN", TOKENS.get(Role.ANALYST));

    Run claim = run(claimed, withRole("engineer", alone));
    Run engineer = throughEndpoint(withRole("engineer", alone));

    assertThat(claim.exitCode()).as(claim.err()).isEqualTo(3);
    assertThat(claim.error()).contains("refused role engineer's token");
    assertThat(engineer.exitCode()).as(engineer.err()).isZero();
    assertThat(engineer.printed()).singleElement().satisfies(line -> assertThat(line).contains("\"estimate\""));
  }

  /** The first firm alone in its industry, region and size class in 2025. */
  private static Row aloneFirm() {
    return warehouse.read(Table.responses("employer")).where(col("wave").equalTo(2025))
        .groupBy("industry", "region", "size_class").count().where(col("count").equalTo(1))
        .orderBy("industry", "region", "size_class").first();
  }

  private static String alone(Row firm) {
    return String.format("industry = '%s' AND region = '%s' AND size_class = '%s'", firm.getString(0),
        firm.getString(1), firm.getString(2));
  }

  private static String[] withRole(String role, String[] request) {
    List<String> argv = new ArrayList<>(List.of("--role", role));
    argv.addAll(List.of(request));
    return argv.toArray(String[]::new);
  }

  private static Run throughEndpoint(String... args) throws IOException, InterruptedException {
    return run(endpointEnv(), args);
  }

  /** The command in this JVM over the demo warehouse, as the launcher runs it without an endpoint. */
  private static Run locally(String... args) {
    CommandRun local = new CommandRun();
    long start = System.nanoTime();
    int exitCode = local.run("estimate", warehouse.root(), args);
    return new Run(exitCode, local.out(), local.err(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** The analyst's and engineer's tokens, and a JIT mode that only the local path reads and refuses. */
  private static Map<String, String> endpointEnv() {
    return new HashMap<>(Map.of("BAROMETER_ENDPOINT", endpoint, "BAROMETER_JIT", "not-through-the-endpoint",
        "BAROMETER_ANALYST_TOKEN", TOKENS.get(Role.ANALYST), "BAROMETER_ENGINEER_TOKEN", TOKENS.get(Role.ENGINEER)));
  }

  /** jobs/barometer estimate over the demo warehouse with {@code env}. */
  private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("jobs/barometer").toString(), "estimate",
        "--warehouse", warehouse.root(), "--conf", TestSpark.confDir().toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(TestSpark.tempDir("estimate-runs"), "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
    builder.environment().remove("BAROMETER_WAREHOUSE");
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return new Run(process.exitValue(), out, Files.readString(err), millis);
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

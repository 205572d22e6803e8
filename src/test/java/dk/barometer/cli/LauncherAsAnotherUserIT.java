package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.barometer.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code jobs/barometer} as a scheduler's service account runs it: another user than the installation's owner, who
 * can write neither the installation's {@code target/} nor the working directory ({@code /}). The launcher's class
 * archive in {@code target/} and Spark's scratch directories in the working directory each stopped such a run
 * before. Needs the built launcher (an integration test, after {@code package}), and root to become {@code nobody}
 * with {@code setpriv} (CI runs as root); skips elsewhere, saying why.
 */
class LauncherAsAnotherUserIT {
  private static final Path HOME = Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath().normalize();
  private static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
      "--clear-groups", "--");

  @Test
  void sqlRunsFromTheRootDirectoryAsAUserWhoCannotWriteTarget() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "becoming another user needs root");
    assumeTrue(run(List.of("id", "nobody")).exitCode() == 0, "no user nobody");
    Path launcher = HOME.resolve("jobs/barometer");
    Result reach = run(asNobody("test", "-x", launcher.toString(), "-a", "!", "-w",
        HOME.resolve("target").toString()));
    assumeTrue(reach.exitCode() == 0, "nobody cannot run " + launcher + " (or can write target/): " + reach.output());

    Path warehouse = TestSpark.tempDir("nobody-warehouse").resolve("none-yet");
    Result sql = run(asNobody(launcher.toString(), "sql", "--warehouse", warehouse.toString(),
        "SELECT 40 + 2 AS answer"));

    assertThat(sql.exitCode()).as(sql.output()).isZero();
    assertThat(sql.output()).contains("answer").contains("42").contains("(1 row)");
  }

  private static List<String> asNobody(String... command) {
    List<String> all = new ArrayList<>(AS_NOBODY);
    all.addAll(List.of(command));
    return all;
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws Exception {
    Path log = Files.createTempFile("launcher-as-nobody", ".log");
    try {
      Process p = new ProcessBuilder(command).directory(Path.of("/").toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        return new Result(-1, "timed out after 180 s: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}

package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a scheduler sees of {@code jobs/barometer}: the exit code of each kind of outcome, the error on standard
 * error, and {@code --help} on every command. Which faults are of which kind: BadInputTest (write failures, exit
 * 6: BadInputTest.readOnlyWarehouse).
 */
class ExitCodeTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... argv) {
    out.reset();
    err.reset();
    return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void everyCommandAnswersHelp() {
    for (String command : List.of("run", "pact", "generate", "sql", "estimate", "demo", "compare-published", "catalogue",
        "bench", "report")) {
      assertThat(main(command, "--help")).as(command).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: jobs/barometer " + command);
    }
    assertThat(main("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit codes: 0 success");
  }

  @Test
  void usageAndConfigurationErrors() {
    assertThat(main("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'frobnicate'");
    assertThat(main("run", "--wave", "2025", "--input", "x", "--colour", "red")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");
    Path noConf = TestSpark.tempDir("no-conf");
    assertThat(main("run", "--wave", "2025", "--input", "x", "--conf", noConf.toString())).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("barometer.yaml does not exist");
  }

  /**
   * bench, generate and report write under --out (and bench to --csv) only after minutes of work: where they cannot,
   * they stop before they start (before Spark, so a regression here would run the command and fail slowly, never
   * pass).
   */
  @Test
  void commandsStopAtOnceWhereTheyCouldNotWrite() throws Exception {
    Path tmp = TestSpark.tempDir("bench-args");
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    assertThat(main("bench", "--sizes", "3k", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write under --out " + file)
        .contains("a file, not a directory");
    assertThat(main("bench", "--sizes", "3k", "--out", file.resolve("below").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("a file, not a directory");
    // generate and report write under --out too, after their work.
    assertThat(main("generate", "--wave", "2025", "--out", file.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("generate: cannot write under --out " + file);
    assertThat(main("report", "--wave", "2025", "--out", file.resolve("2025").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("report: cannot write under --out " + file);

    Path out = tmp.resolve("out");
    Path noDir = tmp.resolve("missing").resolve("bench.csv");
    assertThat(main("bench", "--sizes", "3k", "--out", out.toString(), "--csv", noDir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot write --csv " + noDir + ": directory " + noDir.getParent() + " does not exist");
    assertThat(main("bench", "--sizes", "3k", "--out", out.toString(), "--csv", tmp.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("it is a directory");
    assertThat(out).doesNotExist();
  }

  /** A fault of the input exits 4 with the error on standard error; other kinds map the same way (Kind). */
  @Test
  void badInputExitsWithFour() {
    String warehouse = TestSpark.tempDir("warehouse").toString();
    String missing = TestSpark.tempDir("input").resolve("nothing here").toString();
    Path conf = TestSpark.copyOfConf();
    assertThat(main("run", "--wave", "2025", "--input", missing, "--conf", conf.toString(),
        "--env", TestKeys.keyedProfile(conf, warehouse))).isEqualTo(4);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("does not exist");
  }

  @Test
  void eachKindOfFailureHasItsOwnCode() {
    assertThat(java.util.Arrays.stream(BarometerException.Kind.values()).map(BarometerException.Kind::exitCode))
        .containsExactly(2, 3, 4, 5, 6, 7);
  }
}

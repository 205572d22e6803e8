package dk.barometer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/jit-mode: which command lines jobs/barometer runs with C1 only (quick) and which with C2 as well (full). */
class JitModeTest {
  private static final Path SCRIPT = Path.of(System.getProperty("barometer.home", "."))
      .toAbsolutePath().resolve("jobs/jit-mode");

  @TempDir
  Path dir;

  @Test
  void aRunOnASmallInputIsQuickAndOnALargeOrUnknownOneFull() throws Exception {
    Path small = Files.createDirectories(dir.resolve("small/employee/wave=2025"));
    Files.write(small.resolve("part-0.parquet"), new byte[100 * 1024]);
    Path large = Files.createDirectories(dir.resolve("large/employee/wave=2025"));
    Files.write(large.resolve("part-0.parquet"), new byte[5 * 1024 * 1024]);

    assertThat(mode("run", "--wave", "2025", "--input", dir.resolve("small").toString())).isEqualTo("quick");
    assertThat(mode("run", "--wave", "2025", "--input=" + dir.resolve("small"))).isEqualTo("quick");
    assertThat(mode("run", "--wave", "2025", "--input", dir.resolve("large").toString())).isEqualTo("full");
    // An environment profile's input, or one that is not a local directory: its size is unknown.
    assertThat(mode("run", "--wave", "2025")).isEqualTo("full");
    assertThat(mode("run", "--input", "s3a://bucket/barometer/input")).isEqualTo("full");
  }

  @Test
  void longRunningAndLargeCommandsAreFullTheRestQuick() throws Exception {
    assertThat(mode("bench", "--sizes", "3k")).isEqualTo("full");
    assertThat(mode("serve")).isEqualTo("full");
    assertThat(mode("simulate", "--samples", "10")).isEqualTo("full");
    assertThat(mode("generate", "--wave", "2025", "--out", "x", "--employees", "1000000")).isEqualTo("full");
    assertThat(mode("generate", "--wave", "2025", "--out", "x")).isEqualTo("quick");
    assertThat(mode("demo")).isEqualTo("quick");
    assertThat(mode("sql", "SELECT 1")).isEqualTo("quick");
    assertThat(mode("report", "--wave", "2025")).isEqualTo("quick");
  }

  private static String mode(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).trim();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}

package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.ChildJvm;
import dk.barometer.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A scheduled job may start in a directory it cannot write. Spark's session makes ./artifacts (Spark 4.0.0) and
 * ./spark-warehouse there unless told otherwise: the job must neither need nor leave them.
 */
class WorkingDirectoryTest {
  @Test
  void aSessionNeedsNothingOfTheWorkingDirectory() throws Exception {
    // Files where Spark would make its directories fail their creation even for root, as a read-only directory would.
    Path cwd = TestSpark.tempDir("cwd");
    Files.writeString(cwd.resolve("artifacts"), "");
    Files.writeString(cwd.resolve("spark-warehouse"), "");
    Path log = TestSpark.tempDir("cwd-log").resolve("sql.log");
    Process child = ChildJvm.java(ChildJvm.testClassPath(), List.of("-Xmx512m",
            "-Dbarometer.home=" + TestSpark.confDir().getParent(),
            "-Dlog4j2.configurationFile=" + TestSpark.confDir().resolve("log4j2.properties")),
        "dk.barometer.cli.Main", List.of("sql", "--warehouse", TestSpark.tempDir("empty-warehouse").toString(),
            "SELECT 6 * 7 AS answer"), log).directory(cwd.toFile()).start();
    try {
      assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("finished in 3 minutes").isTrue();
      assertThat(child.exitValue()).as("exit code; log:%n%s", ChildJvm.tail(log, 30)).isZero();
    } finally {
      child.destroyForcibly();
    }
    assertThat(Files.readString(log)).contains("42");
    try (Stream<Path> left = Files.list(cwd)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("artifacts",
          "spark-warehouse");
    }
    assertThat(cwd.resolve("artifacts")).isRegularFile();
  }
}

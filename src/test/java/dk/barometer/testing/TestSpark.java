package dk.barometer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.runtime.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test run, shared by every test class (Spark start-up costs seconds): two cores,
 * one shuffle partition and one Delta snapshot partition, since test data are tiny.
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession spark() {
    if (session == null) {
      session = SparkSessions.builder("barometer-tests")
          .master("local[2]")
          .config("spark.sql.shuffle.partitions", "1")
          .config("spark.default.parallelism", "2")
          .config("spark.databricks.delta.snapshotPartitions", "1")
          .config("spark.sql.warehouse.dir", tempDir("spark-warehouse").toString())
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  /** A fresh temporary directory under target/, removed by {@code mvn clean}. */
  public static Path tempDir(String prefix) {
    try {
      Path root = Path.of("target", "test-tmp");
      Files.createDirectories(root);
      return Files.createTempDirectory(root.toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh copy of conf/ that a test may edit. */
  public static Path copyOfConf() {
    return TestFiles.copyTree(confDir(), tempDir("conf"));
  }

  /** A copy of conf/ with the first {@code from} in {@code file} replaced by {@code to}; the text must be there. */
  public static Path copyOfConf(String file, String from, String to) {
    Path conf = copyOfConf();
    Path path = conf.resolve(file);
    try {
      String text = Files.readString(path);
      assertThat(text).as("%s in %s", from, file).contains(from);
      Files.writeString(path, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return conf;
  }

  /** The repository's conf/ directory. */
  public static Path confDir() {
    return Path.of(System.getProperty("barometer.home", ".")).resolve("conf").toAbsolutePath();
  }

  /**
   * The Spark jobs started so far in job group {@code group}. The status tracker learns of a job from the listener
   * bus, which may not have delivered it yet: it is drained first.
   */
  public static int jobsOf(String group) {
    SparkContext context = spark().sparkContext();
    try {
      context.listenerBus().waitUntilEmpty();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
    return context.statusTracker().getJobIdsForGroup(group).length;
  }
}

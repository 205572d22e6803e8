package dk.barometer.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java process started by a test, with the JVM flags Spark needs on Java 17 ({@code jobs/spark-jvm.args}) and its
 * output in a file (a full pipe would block the child). Tests kill it in a finally block.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The flags of jobs/spark-jvm.args, one per line. */
  public static List<String> sparkJvmFlags() {
    try {
      return Files.readAllLines(home().resolve("jobs/spark-jvm.args")).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code java <spark flags> <options> -cp classPath mainClass args}, output to {@code log}; the child inherits
   * the environment of the test plus {@code env}.
   */
  public static ProcessBuilder java(String classPath, List<String> options, String mainClass, List<String> args,
                                    Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(sparkJvmFlags());
    command.addAll(options);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
  }

  /** The test's own class path: our classes, Spark, Delta. */
  public static String testClassPath() {
    return System.getProperty("java.class.path");
  }

  public static String joined(List<Path> entries) {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }

  /** The last lines of a child's log, for a failure message. */
  public static String tail(Path log, int lines) {
    try {
      List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  static Path home() {
    return Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath();
  }
}

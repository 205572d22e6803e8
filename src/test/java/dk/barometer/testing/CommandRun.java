package dk.barometer.testing;

import dk.barometer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code jobs/barometer} command run in this JVM ({@link Main#run}) on a warehouse with the repository's
 * {@code conf/}, its standard output and error kept for the assertions of the test until the next run.
 */
public final class CommandRun {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** {@code command} with {@code --warehouse warehouse --conf conf/} before {@code args}; its exit code. */
  public int run(String command, String warehouse, String... args) {
    out.reset();
    err.reset();
    List<String> argv = new ArrayList<>(List.of(command, "--warehouse", warehouse, "--conf",
        TestSpark.confDir().toString()));
    argv.addAll(List.of(args));
    return Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}

package dk.barometer.testing;

import dk.barometer.config.BarometerConfig;
import dk.barometer.demo.DemoGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The demo waves with the default seed and sizes, generated once per test run into one input directory and shared
 * by the tests that read them (generating a wave costs tens of seconds).
 */
public final class DemoInputs {
  private static Path directory;
  private static final Set<Integer> GENERATED = new HashSet<>();

  private DemoInputs() {}

  /** The input directory holding at least {@code waves}; tests must not write into it. */
  public static synchronized Path with(int... waves) {
    if (directory == null) {
      directory = TestSpark.tempDir("demo-input");
    }
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    for (int wave : waves) {
      if (GENERATED.add(wave) || !Files.isDirectory(directory.resolve("employer").resolve("wave=" + wave))) {
        DemoGenerator generator = DemoGenerator.forWave(config, wave);
        generator.write(TestSpark.spark(), directory, generator.defaults());
      }
    }
    return directory;
  }
}

package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A typo in a condition of conf/ stops {@code jobs/barometer run} as a configuration error (exit 3) when the
 * configuration loads: before Spark reads anything, so the input need not exist and no table is written.
 */
class ConfigAtLoadTest {

  @Test
  void aTypoInAWhereOfTheIndicatorsExitsThreeBeforeReadingAnything() throws IOException {
    Path conf = TestSpark.copyOfConf();
    Path indicators = conf.resolve("indicators.yaml");
    Files.writeString(indicators, Files.readString(indicators)
        .replace("where: \"ai_maturity = 4\"", "where: \"ai_maturity_ = 4\""));
    Path tmp = TestSpark.tempDir("config-at-load");
    Path warehouse = tmp.resolve("warehouse");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = Main.run(new String[] {"run", "--wave", "2025", "--input", tmp.resolve("no-input").toString(),
        "--warehouse", warehouse.toString(), "--conf", conf.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: " + indicators + ": the condition "
            + "domains.maturity.groups[value: accelerator].where: \"ai_maturity_ = 4\" names column 'ai_maturity_'")
        .contains("Did you mean ai_maturity?");
    assertThat(warehouse).doesNotExist();
  }
}

package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.PseudonymKey;
import dk.barometer.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code run} takes the pseudonym key from where the environment profile says, else from
 * env:BAROMETER_PSEUDONYM_KEY; without a usable key it stops as a configuration error (exit 3) naming the source,
 * before Spark reads anything: the input need not exist and no table is written.
 */
class PseudonymKeySourceTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... argv) {
    return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aMissingKeyExitsThreeNamingItsSourceBeforeAnythingIsReadOrWritten() throws Exception {
    Path tmp = TestSpark.tempDir("no-key");
    Path warehouse = tmp.resolve("warehouse");
    Path keyFile = tmp.resolve("secrets").resolve("pseudonym.key");
    Path conf = TestSpark.copyOfConf();
    Files.writeString(conf.resolve("environments/keyless.yaml"),
        "warehouse: " + warehouse + "\npseudonym_key: file:" + keyFile + "\n");

    int exit = main("run", "--wave", "2025", "--input", tmp.resolve("no-input").toString(), "--conf",
        conf.toString(), "--env", "keyless");

    assertThat(exit).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: No pseudonym key in file:" + keyFile)
        .contains("head -c 32 /dev/urandom | base64 > " + keyFile);
    assertThat(warehouse).doesNotExist();
  }

  @Test
  void aShortKeyExitsThree() throws Exception {
    Path tmp = TestSpark.tempDir("short-key");
    Path keyFile = Files.writeString(tmp.resolve("pseudonym.key"), "too short\n");
    Path conf = TestSpark.copyOfConf();
    Files.writeString(conf.resolve("environments/short.yaml"),
        "warehouse: " + tmp.resolve("warehouse") + "\npseudonym_key: file:" + keyFile + "\n");

    assertThat(main("run", "--wave", "2025", "--input", tmp.resolve("no-input").toString(), "--conf",
        conf.toString(), "--env", "short")).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("The pseudonym key in file:" + keyFile
        + " has 9 bytes; it needs at least 32");
    assertThat(tmp.resolve("warehouse")).doesNotExist();
  }

  @Test
  void aProfileNamesTheKeysSourceNeverTheKey() throws Exception {
    Path conf = TestSpark.copyOfConf();
    // A profile without pseudonym_key: the default source.
    assertThat(Home.pseudonymKeySource(args("--env", "local", "--conf", conf.toString())))
        .isEqualTo(PseudonymKey.DEFAULT_SOURCE);
    assertThat(PseudonymKey.DEFAULT_SOURCE).hasToString("env:BAROMETER_PSEUDONYM_KEY");
    Files.writeString(conf.resolve("environments/inline.yaml"), "warehouse: /wh\npseudonym_key: s3cr3t\n");
    assertThat(main("run", "--wave", "2025", "--input", "x", "--conf", conf.toString(), "--env", "inline"))
        .isEqualTo(3);
    // The key pasted in place of its source is not repeated in the error.
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("inline.yaml")
        .contains("pseudonym_key is where the key is kept, env:NAME or file:PATH").doesNotContain("s3cr3t");
  }

  private static Args args(String... words) {
    return Args.parse("run", words, Set.of("wave", "input", "warehouse", "conf"), Set.of());
  }
}

package dk.barometer.testing;

import dk.barometer.config.PseudonymKey;
import dk.barometer.config.TokenSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym key of the tests, kept as a deployment keeps one: in a file of its own (mode 600) outside the
 * warehouse, read through a {@code file:} source. Tests hand it to {@code WaveRun}, or name the file in an
 * environment profile ({@code pseudonym_key: file:...}) for a run through the command line.
 */
public final class TestKeys {
  /** The key's text: 44 characters, the form {@code head -c 32 /dev/urandom | base64} makes. */
  public static final String TEXT = "dGVzdCBrZXkgb2YgdGhlIGJhcm9tZXRlciB0ZXN0cyE=";

  private static Path file;

  private TestKeys() {}

  /** The key file, made on first use. */
  public static synchronized Path file() {
    if (file == null) {
      try {
        Path made = TestSpark.tempDir("pseudonym-key").resolve("pseudonym.key");
        Files.createFile(made, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        file = Files.writeString(made, TEXT + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }

  /** The key, read from {@link #file()}. */
  public static PseudonymKey pseudonymKey() {
    return PseudonymKey.read(TokenSource.parse("file:" + file()));
  }

  /**
   * Adds the environment profile {@code keyed} to {@code conf} (a copy): {@code warehouse}, and {@link #file()} as
   * its pseudonym key, for a run through the command line. Returns the profile's name.
   */
  public static String keyedProfile(Path conf, String warehouse) {
    try {
      Files.writeString(conf.resolve("environments/keyed.yaml"),
          "warehouse: " + warehouse + "\npseudonym_key: file:" + file() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "keyed";
  }

  /** The expected pseudonym of {@code text} under {@link #TEXT}, by the JDK's own HMAC-SHA-256. */
  public static String expectedPseudonym(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(TEXT.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

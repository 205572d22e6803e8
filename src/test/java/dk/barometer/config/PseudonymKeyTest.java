package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestKeys;
import dk.barometer.testing.TestSpark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The pseudonym key: HMAC-SHA-256 as RFC 4231 and the JDK compute it, and the checks of a configured key. */
class PseudonymKeyTest {
  private static final List<String> TEXTS = List.of("employer:1", "employer:106", "employee:1",
      "employee:9007199254740993", "employer:-4", "employer:ø");

  @Test
  void pseudonymsAreTheJdksHmacSha256OfTheTextInLowercaseHex() {
    PseudonymKey key = TestKeys.pseudonymKey();
    for (String text : TEXTS) {
      assertThat(key.pseudonym(text)).as(text).isEqualTo(TestKeys.expectedPseudonym(text)).matches("[0-9a-f]{64}");
    }
    assertThat(key.pseudonym("employer:1")).isNotEqualTo(key.pseudonym("employee:1"));
    assertThat(key.pseudonym(null)).isNull();
  }

  /** RFC 4231's test cases whose data are text (1, 2, 6 and 7); case 5 truncates, cases 3 and 4 are not text. */
  @Test
  void rfc4231TestVectors() {
    assertThat(key(HexFormat.of().parseHex("0b".repeat(20))).pseudonym("Hi There"))
        .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    assertThat(key("Jefe".getBytes(StandardCharsets.US_ASCII)).pseudonym("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    byte[] longKey = new byte[131];
    Arrays.fill(longKey, (byte) 0xaa);
    assertThat(key(longKey).pseudonym("Test Using Larger Than Block-Size Key - Hash Key First"))
        .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    assertThat(key(longKey).pseudonym("This is a test using a larger than block-size key and a larger than "
        + "block-size data. The key needs to be hashed before being used by the HMAC algorithm."))
        .isEqualTo("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  }

  private static PseudonymKey key(byte[] bytes) {
    return new PseudonymKey(bytes, "test");
  }

  /** Executors get copies of the key, and threads share one (the surveys run side by side). */
  @Test
  void copiesAndThreadsComputeTheSamePseudonyms() throws Exception {
    PseudonymKey key = TestKeys.pseudonymKey();
    key.pseudonym("warm");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(key);
    }
    PseudonymKey copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (PseudonymKey) in.readObject();
    }
    assertThat(copy.pseudonym("employer:1")).isEqualTo(TestKeys.expectedPseudonym("employer:1"));

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2000; i++) {
            if (!key.pseudonym("employee:" + i).equals(TestKeys.expectedPseudonym("employee:" + i))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theFingerprintTellsKeysApartAndNeitherItNorTheTextShowsTheKey() {
    PseudonymKey key = TestKeys.pseudonymKey();
    assertThat(key.fingerprint()).matches("[0-9a-f]{8}")
        .isNotEqualTo(PseudonymKey.random("another").fingerprint());
    assertThat(key.toString()).contains(key.fingerprint()).contains(TestKeys.file().toString())
        .doesNotContain(TestKeys.TEXT);
  }

  @Test
  void aMissingEmptyOrShortKeyIsAConfigurationErrorNamingItsSource() throws Exception {
    Path dir = TestSpark.tempDir("keys");
    Path missing = dir.resolve("absent.key");
    assertThatThrownBy(() -> PseudonymKey.read(TokenSource.parse("file:" + missing)))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining("No pseudonym key in file:" + missing)
        .hasMessageContaining("head -c 32 /dev/urandom | base64 > " + missing);
    Path empty = Files.writeString(dir.resolve("empty.key"), " \n");
    assertThatThrownBy(() -> PseudonymKey.read(TokenSource.parse("file:" + empty)))
        .hasMessageContaining("No pseudonym key in file:" + empty);
    Path shortKey = Files.writeString(dir.resolve("short.key"), "only-30-bytes-of-key-text-here\n");
    assertThatThrownBy(() -> PseudonymKey.read(TokenSource.parse("file:" + shortKey)))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining("The pseudonym key in file:" + shortKey + " has 30 bytes; it needs at least 32");
    assertThatThrownBy(() -> PseudonymKey.read(TokenSource.parse("env:BAROMETER_TEST_NO_SUCH_VARIABLE")))
        .hasMessageContaining("No pseudonym key in env:BAROMETER_TEST_NO_SUCH_VARIABLE")
        .hasMessageContaining("Set BAROMETER_TEST_NO_SUCH_VARIABLE to the key's text");
    // The generated key's text has 44 bytes: enough.
    Path made = Files.writeString(dir.resolve("made.key"), PseudonymKey.newKeyText());
    assertThat(PseudonymKey.read(TokenSource.parse("file:" + made)).pseudonym("employer:1")).hasSize(64);
  }
}

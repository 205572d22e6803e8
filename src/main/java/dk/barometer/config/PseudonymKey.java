package dk.barometer.config;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of the respondent pseudonyms: a pseudonym is the lowercase hex of HMAC-SHA-256 under this key of
 * a respondent's canonical text (docs/operations.md). The key is kept outside the warehouse and {@code conf/}: an
 * environment profile's {@code pseudonym_key} names where ({@code env:NAME} or {@code file:PATH}), else
 * {@link #DEFAULT_SOURCE}. The key is the text found there, trimmed, taken as its UTF-8 bytes (not decoded), and
 * must have at least {@link #MIN_BYTES} of them: the base64 of 32 random bytes has 44. The key never leaves this
 * object; it computes the pseudonyms and shows only a {@link #fingerprint()}.
 */
public final class PseudonymKey implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Where the key is read without a profile, or with one that names no {@code pseudonym_key}. */
  public static final TokenSource DEFAULT_SOURCE = TokenSource.parse("env:BAROMETER_PSEUDONYM_KEY");
  /** SHA-256's output length: a shorter key weakens the HMAC (RFC 2104, section 3). */
  public static final int MIN_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private final String source;
  /** Keyed once per copy (the executors get copies); each pseudonym is computed on a clone of it. */
  private transient volatile Mac keyed;

  /** The key of {@code key}'s bytes, of any length: {@link #read} checks the length of a configured key. */
  PseudonymKey(byte[] key, String source) {
    this.key = key.clone();
    this.source = source;
  }

  /** The key kept in {@code source}; a configuration error where there is none or it is too short. */
  public static PseudonymKey read(TokenSource source) {
    String text = source.read().orElseThrow(() -> ConfigErrors.missingPseudonymKey(source));
    byte[] key = text.getBytes(StandardCharsets.UTF_8);
    if (key.length < MIN_BYTES) {
      throw ConfigErrors.shortPseudonymKey(source, key.length, MIN_BYTES);
    }
    return new PseudonymKey(key, source.toString());
  }

  /** A new random key, in the form {@link #newKeyText()} makes, for warehouses no one links across runs. */
  public static PseudonymKey random(String purpose) {
    return new PseudonymKey(newKeyText().getBytes(StandardCharsets.UTF_8), purpose);
  }

  /** The text of a new key: the base64 of 32 random bytes, as {@code head -c 32 /dev/urandom | base64} makes. */
  public static String newKeyText() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The pseudonym of {@code text}: lowercase hex of HMAC-SHA-256(key, UTF-8 bytes of text); null for null. */
  public String pseudonym(String text) {
    return text == null ? null : HexFormat.of().formatHex(keyedCopy().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The first 8 hex digits of SHA-256 of the key: tells two keys apart (pseudonyms of different keys never match)
   * and reveals nothing usable of the key.
   */
  public String fingerprint() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
    } catch (GeneralSecurityException e) { // every Java platform has SHA-256
      throw new IllegalStateException(e);
    }
  }

  /** Where the key came from, for messages. */
  public String source() {
    return source;
  }

  private Mac keyedCopy() {
    Mac prototype = keyed;
    if (prototype == null) {
      prototype = mac(key);
      keyed = prototype;
    }
    try {
      return (Mac) prototype.clone(); // cheaper than keying anew, and safe where threads share this object
    } catch (CloneNotSupportedException e) { // the JDK's HmacSHA256 is cloneable
      throw new IllegalStateException(e);
    }
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) { // every Java platform has HmacSHA256
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "pseudonym key from " + source + " (fingerprint " + fingerprint() + ")";
  }
}

package dk.barometer.query;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.Role;
import dk.barometer.config.TokenSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoint's token of each role, read from the sources of {@code conf/access.yaml} when it starts. Only digests
 * are kept, and a presented token is compared with every role's digest in constant time, so neither the time of a
 * refusal nor a heap dump tells a token.
 */
public final class RoleTokens {
  private final Map<Role, byte[]> digests;

  private RoleTokens(Map<Role, byte[]> digests) {
    this.digests = Collections.unmodifiableMap(digests);
  }

  /** The tokens that are set; a configuration error when none is, or when two roles share one. */
  public static RoleTokens read(AccessPolicy policy) {
    Map<Role, TokenSource> sources = policy.tokens();
    Map<Role, byte[]> digests = new EnumMap<>(Role.class);
    sources.forEach((role, source) -> source.read().ifPresent(token -> {
      byte[] digest = digest(token);
      digests.forEach((other, known) -> {
        if (MessageDigest.isEqual(known, digest)) {
          throw QueryErrors.sharedToken(other, role, sources);
        }
      });
      digests.put(role, digest);
    }));
    if (digests.isEmpty()) {
      throw QueryErrors.noToken(sources);
    }
    return new RoleTokens(digests);
  }

  /** For tests: the given tokens as they are. */
  public static RoleTokens of(Map<Role, String> tokens) {
    Map<Role, byte[]> digests = new EnumMap<>(Role.class);
    tokens.forEach((role, token) -> digests.put(role, digest(token)));
    return new RoleTokens(digests);
  }

  /** The roles that can connect: those whose token is set. */
  public Set<Role> roles() {
    return digests.keySet();
  }

  /** The role whose token {@code token} is; every role is compared, whatever matches. */
  public Optional<Role> roleOf(String token) {
    byte[] presented = digest(token);
    Role match = null;
    for (Map.Entry<Role, byte[]> entry : digests.entrySet()) {
      if (MessageDigest.isEqual(entry.getValue(), presented)) {
        match = entry.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

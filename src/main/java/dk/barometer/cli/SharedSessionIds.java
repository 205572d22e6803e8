package dk.barometer.cli;

import dk.barometer.config.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;

/**
 * The ids of the endpoint sessions that a user's {@code sql} calls share, one per endpoint and role: a new session
 * costs the endpoint about half a second before its first row (its state built, its tables looked up again), which
 * is more than a query of the published tables. Only calls that leave their session as they found it share one
 * ({@link SqlScript#reads}), so a shared session is always in the state a new one starts in.
 *
 * <p>An id is kept in a file that only its user may read or write, in a directory of that user's alone: with the
 * role's token, the id would let another process run in the session. A store that cannot be used (no such file
 * system permissions, a full disk) means no sharing, never a failed call.
 */
final class SharedSessionIds {
  private final Path directory;

  SharedSessionIds(Path directory) {
    this.directory = directory;
  }

  /** The store of the user running this JVM: under {@code $XDG_CACHE_HOME}, else {@code ~/.cache}. */
  static SharedSessionIds ofUser() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path root = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
    return new SharedSessionIds(root.resolve("barometer").resolve("endpoint-sessions"));
  }

  /** The id shared at {@code endpoint} by {@code role}'s calls: the kept one, else a new one now kept. */
  Optional<String> id(String endpoint, Role role) {
    Path file = file(endpoint, role);
    try {
      if (Files.isDirectory(directory) && !isPrivate()) {
        return Optional.empty();
      }
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (isUuid(kept)) {
          return Optional.of(kept);
        }
      }
      return renewed(endpoint, role);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** A new id for {@code endpoint} and {@code role}, kept in place of one the endpoint has closed. */
  Optional<String> renewed(String endpoint, Role role) {
    String id = UUID.randomUUID().toString();
    try {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      if (!isPrivate()) {
        return Optional.empty();
      }
      Path written = Files.createTempFile(directory, "session", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(written, id, StandardCharsets.US_ASCII);
      try {
        Files.move(written, file(endpoint, role), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(written, file(endpoint, role), StandardCopyOption.REPLACE_EXISTING);
      }
      return Optional.of(id);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  private Path file(String endpoint, Role role) {
    return directory.resolve(role.id() + "-" + UUID.nameUUIDFromBytes(endpoint.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether the directory is its user's alone: one made by another user, or open to others, is not used. */
  private boolean isPrivate() throws IOException {
    return Files.getOwner(directory).getName().equals(System.getProperty("user.name"))
        && Files.getPosixFilePermissions(directory).equals(PosixFilePermissions.fromString("rwx------"));
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

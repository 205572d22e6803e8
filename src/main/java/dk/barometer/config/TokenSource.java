package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a secret is kept: {@code env:NAME} (an environment variable) or {@code file:PATH} (a file's content,
 * trimmed). Never the secret itself, so that no secret is in {@code conf/} or on a command line.
 */
public record TokenSource(String kind, String name) {
  public TokenSource {
    checkArgument("env".equals(kind) || "file".equals(kind),
        "A secret's source is env:NAME or file:PATH, not '%s:%s'", kind, name);
    checkArgument(name != null && !name.isBlank(), "A secret's source %s: names no variable or file", kind);
  }

  /** Parses {@code env:NAME} or {@code file:PATH}. */
  public static TokenSource parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    checkArgument(colon > 0, "A secret's source is env:NAME or file:PATH, not '%s'", text);
    return new TokenSource(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The secret, if the variable is set or the file exists; empty otherwise. */
  public Optional<String> read() {
    if ("env".equals(kind)) {
      return Optional.ofNullable(System.getenv(name)).map(String::trim).filter(s -> !s.isEmpty());
    }
    Path file = Path.of(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()).filter(s -> !s.isEmpty());
    } catch (IOException e) {
      throw ConfigErrors.unreadableSecret(this, e);
    }
  }

  @Override
  public String toString() {
    return kind + ":" + name;
  }
}

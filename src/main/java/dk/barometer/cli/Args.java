package dk.barometer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line arguments: {@code --name value} options, {@code --flag} switches and positional words. */
final class Args {
  /** Options every command takes: the environment profile (see {@link Home#environment}). */
  private static final Set<String> COMMON = Set.of("env");

  private final String command;
  private final Map<String, String> options;
  private final List<String> positional;
  private final Set<String> flags;

  private Args(String command, Map<String, String> options, List<String> positional, Set<String> flags) {
    this.command = command;
    this.options = options;
    this.positional = positional;
    this.flags = flags;
  }

  /**
   * @param valued options that take a value; every other {@code --word} must be one of {@code switches}
   */
  static Args parse(String command, String[] words, Set<String> valued, Set<String> switches) {
    Map<String, String> options = new HashMap<>();
    List<String> positional = new ArrayList<>();
    Set<String> flags = new java.util.HashSet<>();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.startsWith("--")) {
        String name = w.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (valued.contains(name) || COMMON.contains(name)) {
          if (value == null) {
            if (i + 1 >= words.length) {
              throw CommandErrors.missingValue(command, "--" + name);
            }
            value = words[++i];
          }
          options.put(name, value);
        } else if (switches.contains(name) && value == null) {
          flags.add(name);
        } else {
          throw CommandErrors.unknownOption(command, name);
        }
      } else if (w.equals("-f") && valued.contains("file")) {
        if (i + 1 >= words.length) {
          throw CommandErrors.missingValue(command, "-f");
        }
        options.put("file", words[++i]);
      } else {
        positional.add(w);
      }
    }
    return new Args(command, options, positional, flags);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  String require(String name) {
    return option(name).orElseThrow(() -> CommandErrors.missingOption(command, name));
  }

  /** The required {@code --wave YEAR}. */
  int requiredWave() {
    return requiredInt("wave");
  }

  /** A non-negative whole number the command cannot do without, e.g. a year. */
  int requiredInt(String name) {
    int value = intOption(name, -1);
    if (value < 0) {
      throw CommandErrors.missingOption(command, name);
    }
    return value;
  }

  int intOption(String name, int fallback) {
    return option(name).map(v -> parseLong(name, v)).map(Math::toIntExact).orElse(fallback);
  }

  long longOption(String name, long fallback) {
    return option(name).map(v -> parseLong(name, v)).orElse(fallback);
  }

  /**
   * Option {@code name} (or {@code fallback}) as a directory the command will write into: it, or the nearest of its
   * parents that exists (it will be created), must be a directory this user can write. Checked before the work, so
   * that minutes of it are not lost to a path mistyped.
   */
  Path outputDirectory(String name, Path fallback) {
    return writableDirectory(name, option(name).map(Path::of).orElse(fallback));
  }

  /** Required option {@code name} as a directory the command will write into ({@link #outputDirectory}). */
  Path outputDirectory(String name) {
    return writableDirectory(name, Path.of(require(name)));
  }

  private Path writableDirectory(String name, Path dir) {
    Path existing = dir.toAbsolutePath();
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw CommandErrors.unwritableDirectory(command, name, dir, existing + " is a file, not a directory");
    }
    if (!Files.isWritable(existing)) {
      throw CommandErrors.unwritableDirectory(command, name, dir, existing + " is not writable");
    }
    return dir;
  }

  /** Option {@code name} as a file the command will write, when given: checked as {@link #outputDirectory} is. */
  Optional<Path> outputFile(String name) {
    Optional<Path> file = option(name).map(Path::of);
    file.ifPresent(f -> {
      Path parent = f.toAbsolutePath().getParent();
      String fault = Files.isDirectory(f) ? "it is a directory"
          : !Files.isDirectory(parent) ? "directory " + parent + " does not exist"
          : !Files.isWritable(parent) || Files.exists(f) && !Files.isWritable(f) ? "it is not writable"
          : null;
      if (fault != null) {
        throw CommandErrors.unwritableFile(command, name, f, fault);
      }
    });
    return file;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  List<String> positional() {
    return List.copyOf(positional);
  }

  private long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw CommandErrors.notAWholeNumber(command, name, value);
    }
  }
}

package dk.barometer.docs;

import dk.barometer.config.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user documentation (README.md and docs/*.md) and the SQL examples in it. An example is
 * <ul>
 *   <li>the content of a fenced code block whose info string is {@code sql}, and</li>
 *   <li>the double-quoted query of every {@code jobs/barometer sql [options] "QUERY"} command in a fenced block
 *       whose info string is {@code bash} (the query may span lines).</li>
 * </ul>
 * Each example is split into statements at semicolons outside quotes and {@code --} comments, as
 * {@code jobs/barometer sql} splits a script, and runs as the role its {@code --role} names (analyst without one).
 * SQL anywhere else (other blocks, inline code) is not an example.
 */
final class Documents {
  private static final Pattern FENCE = Pattern.compile("^```\\s*([\\w-]*)\\s*$");
  private static final Pattern ESTIMATE_COMMAND = Pattern.compile("jobs/barometer (estimate\\b[^\n]*)");
  private static final Pattern SQL_COMMAND = Pattern.compile("jobs/barometer sql\\b([^\"\\n]*)\"([^\"]*)\"");
  /** How an example names the role it needs: as the sql command's option, also in a comment of a sql block. */
  private static final Pattern ROLE = Pattern.compile("--role (analyst|researcher|engineer)\\b");

  /** One statement of an example, with where it is written and the role it runs as. */
  record Example(String file, int line, int statement, String sql, Role role) {
    @Override
    public String toString() {
      String first = sql.lines().findFirst().orElse("").strip();
      return String.format("%s:%d statement %d as %s: %s", file, line, statement, role.id(),
          first.length() > 80 ? first.substring(0, 77) + "..." : first);
    }
  }

  /** A fenced code block: its info string, the line of its opening fence (1-based) and its content. */
  record Block(String info, int line, String content) {}

  private Documents() {}

  /** The repository's root (Maven passes it as barometer.home). */
  static Path root() {
    return Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath().normalize();
  }

  /** README.md and every docs/*.md, in that order. */
  static List<Path> files() {
    Path root = root();
    List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name of {@code file} relative to the repository's root. */
  static String name(Path file) {
    return root().relativize(file.toAbsolutePath().normalize()).toString();
  }

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = markdown.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      StringBuilder content = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).strip().equals("```")) {
        content.append(lines.get(j)).append('\n');
        j++;
      }
      blocks.add(new Block(open.group(1), i + 1, content.toString()));
      i = j;
    }
    return blocks;
  }

  /** Every SQL statement of {@code markdown}, named by {@code file} and the line its example starts on. */
  static List<Example> examples(String file, String markdown) {
    List<Example> examples = new ArrayList<>();
    for (Block block : blocks(markdown)) {
      if (block.info().equals("sql")) {
        add(examples, file, block.line() + 1, block.content(), role(block.content()));
      } else if (block.info().equals("bash")) {
        Matcher command = SQL_COMMAND.matcher(block.content());
        while (command.find()) {
          int line = block.line() + 1 + (int) block.content().substring(0, command.start()).chars()
              .filter(c -> c == '\n').count();
          add(examples, file, line, command.group(2), role(command.group(1)));
        }
      }
    }
    return examples;
  }

  /** The quoted queries of the {@code jobs/barometer sql "..."} commands in bash blocks, as written. */
  static List<String> shellQueries(String markdown) {
    List<String> queries = new ArrayList<>();
    for (Block block : blocks(markdown)) {
      if (block.info().equals("bash")) {
        Matcher command = SQL_COMMAND.matcher(block.content());
        while (command.find()) {
          queries.add(command.group(2));
        }
      }
    }
    return queries;
  }

  /**
   * The arguments of every {@code jobs/barometer estimate ...} command (on one line) in the bash blocks of
   * {@code markdown}, as the shell splits them: at spaces outside double quotes, which it removes.
   */
  static List<List<String>> estimateCommands(String markdown) {
    List<List<String>> commands = new ArrayList<>();
    for (Block block : blocks(markdown)) {
      if (block.info().equals("bash")) {
        Matcher command = ESTIMATE_COMMAND.matcher(block.content());
        while (command.find()) {
          commands.add(words(command.group(1)));
        }
      }
    }
    return commands;
  }

  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (c == ' ' && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static void add(List<Example> examples, String file, int line, String sql, Role role) {
    List<String> statements = statements(sql);
    for (int i = 0; i < statements.size(); i++) {
      examples.add(new Example(file, line, i + 1, statements.get(i), role));
    }
  }

  /**
   * The role an example runs as: the one its {@code --role} names (the command's option, or for a sql block, a
   * comment in it, which then applies to the whole block); analyst, who reads the published zone, otherwise.
   */
  private static Role role(String text) {
    Matcher role = ROLE.matcher(text);
    return role.find() ? Role.of(role.group(1)) : Role.ANALYST;
  }

  /** Splits at semicolons outside quotes and {@code --} comments; comments are dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        current.append(c);
      } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
        current.append('\n');
      } else if (c == ';') {
        addStatement(statements, current);
      } else {
        current.append(c);
      }
    }
    addStatement(statements, current);
    return statements;
  }

  private static void addStatement(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }
}

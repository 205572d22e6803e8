package dk.barometer.cli;

import dk.barometer.query.QueryPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code sql} runs and how it prints, in whichever session: a local Spark one ({@link LocalSql}) or one of a
 * running endpoint ({@link EndpointSession}). Free of Spark's classes, so that the light client loads it too.
 */
final class SqlStatements {
  static final Set<String> OPTIONS = Set.of("format", "limit", "warehouse", "conf", "file", "role");

  private final Optional<String> script;
  private final QueryPrinter.Format format;
  private final int limit;

  private SqlStatements(Optional<String> script, QueryPrinter.Format format, int limit) {
    this.script = script;
    this.format = format;
    this.limit = limit;
  }

  /** The statements of the command line: a query, -f FILE.sql, statements piped in, or none for the prompt. */
  static SqlStatements of(Args args) {
    QueryPrinter.Format format = QueryPrinter.format(args.option("format").orElse("table"));
    int limit = args.intOption("limit", QueryPrinter.defaultLimit(format));
    Optional<String> script;
    if (args.option("file").isPresent()) {
      script = Optional.of(read(Path.of(args.option("file").get())));
    } else if (args.positional().size() == 1) {
      script = Optional.of(args.positional().get(0));
    } else if (!args.positional().isEmpty()) {
      throw CommandErrors.tooManyQueries();
    } else if (System.console() == null) { // statements piped in: a script, not a conversation
      script = Optional.of(readStandardInput());
    } else {
      script = Optional.empty();
    }
    return new SqlStatements(script, format, limit);
  }

  /** The statements of the script; none for the prompt, whose statements come as they are typed. */
  Optional<List<String>> known() {
    return script.map(SqlScript::statements);
  }

  /** Whether the statements are known (not the prompt) and each of them only reads ({@link SqlScript#reads}). */
  boolean onlyRead() {
    return script.isPresent() && SqlScript.statements(script.get()).stream().allMatch(SqlScript::reads);
  }

  /** Whether the command line names its statements (a query or -f FILE), so that they are read before a session. */
  static boolean named(Args args) {
    return args.option("file").isPresent() || !args.positional().isEmpty();
  }

  /** Runs the script's statements in order, or the prompt, printing each result to {@code out}. */
  void run(SqlSession session, PrintStream out) {
    QueryPrinter printer = new QueryPrinter(out);
    if (script.isEmpty()) {
      new SqlPrompt(SqlPrompt.terminalReader(SqlPrompt.HISTORY_FILE), s -> print(session, printer, s)).run();
    } else {
      SqlScript.statements(script.get()).forEach(s -> print(session, printer, s));
    }
  }

  private void print(SqlSession session, QueryPrinter printer, String statement) {
    try {
      printer.print(session.sql(statement), format, limit);
    } catch (Exception e) { // Scala's exceptions are checked for javac but undeclared
      throw session.failure(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw CommandErrors.unreadableScript(file.toString(), e);
    }
  }

  private static String readStandardInput() {
    try {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CommandErrors.unreadableScript("standard input", e);
    }
  }
}

package dk.barometer.cli;

import dk.barometer.query.QueryErrors;
import dk.barometer.query.QueryPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * What {@code sql} runs and how it prints, in whichever session: a local one or a Spark Connect one of a running
 * endpoint ({@link EndpointSql}). Written against Spark's shared API only ({@code SparkSession}, {@code Dataset}),
 * so both kinds of session run it the same, and print and fail the same.
 */
final class SqlStatements {
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

  /** Runs the script's statements in order, or the prompt, printing each result to {@code out}. */
  void run(SparkSession spark, PrintStream out) {
    QueryPrinter printer = new QueryPrinter(out);
    if (script.isEmpty()) {
      new SqlPrompt(SqlPrompt.terminalReader(SqlPrompt.HISTORY_FILE), s -> print(spark, printer, s)).run();
    } else {
      SqlScript.statements(script.get()).forEach(s -> print(spark, printer, s));
    }
  }

  private void print(SparkSession spark, QueryPrinter printer, String statement) {
    try {
      printer.print(spark.sql(statement), format, limit);
    } catch (Exception e) { // Scala's AnalysisException is checked for javac but undeclared
      if (e instanceof AnalysisException analysis) {
        throw QueryErrors.sqlError(analysis);
      }
      throw e;
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

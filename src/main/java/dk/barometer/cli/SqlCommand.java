package dk.barometer.cli;

import dk.barometer.config.Role;
import dk.barometer.query.QueryErrors;
import dk.barometer.query.QueryPrinter;
import dk.barometer.runtime.SparkSessions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/** {@code sql}: a query, a script (-f, or statements piped in) or an interactive prompt over the warehouse. */
final class SqlCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.SQL;
  }

  @Override
  public Set<String> options() {
    return Set.of("format", "limit", "warehouse", "conf", "file", QueryableWarehouse.ROLE);
  }

  @Override
  public void run(Args args, PrintStream out) {
    String script = null;
    if (args.option("file").isPresent()) {
      script = read(Path.of(args.option("file").get()));
    } else if (args.positional().size() == 1) {
      script = args.positional().get(0);
    } else if (!args.positional().isEmpty()) {
      throw CommandErrors.tooManyQueries();
    } else if (System.console() == null) { // statements piped in: a script, not a conversation
      script = readStandardInput();
    }
    QueryPrinter.Format format = QueryPrinter.format(args.option("format").orElse("table"));
    int limit = args.intOption("limit", 1000);
    Role role = QueryableWarehouse.role(args, "sql");
    SparkSession base = SparkSessions.builder("barometer sql", Home.sparkSettings(args)).getOrCreate();
    QueryableWarehouse.open(base, args);
    SparkSession spark = QueryableWarehouse.session(base, args, role);
    QueryPrinter printer = new QueryPrinter(out);
    Consumer<String> execute = statement -> print(spark, printer, statement, format, limit);
    if (script == null) {
      new SqlPrompt(SqlPrompt.terminalReader(SqlPrompt.HISTORY_FILE), execute).run();
    } else {
      SqlScript.statements(script).forEach(execute);
    }
  }

  private static void print(SparkSession spark, QueryPrinter printer, String statement, QueryPrinter.Format format,
                            int limit) {
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

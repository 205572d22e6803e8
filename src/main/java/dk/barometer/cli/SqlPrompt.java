package dk.barometer.cli;

import dk.barometer.BarometerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.MaskingCallback;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive prompt of {@code jobs/barometer sql}: a statement runs once a line ends it with ';', so it may
 * span lines; each statement goes into the reader's history (a file, kept across sessions) whole. A failing
 * statement prints its error and the prompt goes on; Ctrl-C drops the statement being typed, Ctrl-D or 'quit'
 * leaves.
 */
final class SqlPrompt {
  static final String PROMPT = "barometer> ";
  static final String CONTINUATION = "        -> ";
  static final Path HISTORY_FILE = Path.of(System.getProperty("user.home"), ".barometer_sql_history");

  // The reader would put each line into the history on its own; remember() adds the whole statement instead.
  private static final MaskingCallback LINES_NOT_REMEMBERED = new MaskingCallback() {
    @Override
    public String display(String line) {
      return line;
    }

    @Override
    public String history(String line) {
      return null;
    }
  };

  private final LineReader reader;
  private final Consumer<String> execute;

  /** @param execute runs one statement and prints its result; what it throws is printed, not fatal */
  SqlPrompt(LineReader reader, Consumer<String> execute) {
    this.reader = reader;
    this.execute = execute;
  }

  /** A reader on the terminal whose history is {@code historyFile}. */
  static LineReader terminalReader(Path historyFile) {
    try {
      Terminal terminal = TerminalBuilder.builder().system(true).build();
      return LineReaderBuilder.builder().appName("barometer").terminal(terminal)
          .variable(LineReader.HISTORY_FILE, historyFile)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void run() {
    PrintWriter out = reader.getTerminal().writer();
    out.println("Statements end with ';'. Tables: SHOW TABLES; leave with quit or Ctrl-D.");
    StringBuilder pending = new StringBuilder();
    while (true) {
      String line;
      try {
        line = reader.readLine(pending.isEmpty() ? PROMPT : CONTINUATION, null, LINES_NOT_REMEMBERED, null);
      } catch (UserInterruptException e) {
        pending.setLength(0);
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      if (pending.isEmpty() && isQuit(line)) {
        break;
      }
      pending.append(line).append('\n');
      if (SqlScript.complete(pending.toString())) {
        String script = pending.toString().strip();
        pending.setLength(0);
        remember(script);
        for (String statement : SqlScript.statements(script)) {
          try {
            execute.accept(statement);
          } catch (RuntimeException e) { // a typo or a failing query must not end the session
            out.println("error: " + (e instanceof BarometerException ? e.getMessage() : firstLine(e)));
          }
          out.flush();
        }
      }
    }
    saveHistory();
  }

  private static String firstLine(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return message.lines().findFirst().orElse("");
  }

  private static boolean isQuit(String line) {
    String word = line.strip().replaceAll(";$", "").toLowerCase(java.util.Locale.ROOT);
    return word.equals("quit") || word.equals("exit") || word.equals("\\q");
  }

  private void remember(String statement) {
    reader.getHistory().add(statement);
    saveHistory();
  }

  private void saveHistory() {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

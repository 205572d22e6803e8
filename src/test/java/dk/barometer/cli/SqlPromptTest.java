package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** The prompt fed by a dumb terminal over byte streams; statements are recorded instead of run. */
class SqlPromptTest {
  private final List<String> executed = new ArrayList<>();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  private void type(String input, Path history) throws IOException {
    Terminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(
        StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
    LineReader reader = LineReaderBuilder.builder().terminal(terminal)
        .variable(LineReader.HISTORY_FILE, history).build();
    new SqlPrompt(reader, statement -> {
      if (statement.contains("nope")) {
        throw new BarometerException(BarometerException.Kind.USAGE, "SQL error: no table nope");
      }
      executed.add(statement);
    }).run();
  }

  @Test
  void runsAStatementWhenALineEndsItAndKeepsItWholeInTheHistory() throws IOException {
    Path history = TestSpark.tempDir("sql-history").resolve("history");
    type("SELECT 'a;b' AS x,\n  2 AS y\n;\nSELECT 1; SELECT 2;\n", history);

    assertThat(executed).containsExactly("SELECT 'a;b' AS x,\n  2 AS y", "SELECT 1", "SELECT 2");
    assertThat(screen.toString(StandardCharsets.UTF_8)).contains(SqlPrompt.CONTINUATION);
    // JLine stores a line break of a multi-line entry as an escaped \n.
    assertThat(Files.readString(history)).contains("SELECT 'a;b' AS x,\\n  2 AS y\\n;", "SELECT 1; SELECT 2;");
  }

  @Test
  void printsAFailingStatementsErrorAndGoesOnUntilQuit() throws IOException {
    type("SELECT * FROM nope;\nSELECT 3;\nquit\nSELECT 4;\n", TestSpark.tempDir("sql-history").resolve("h"));

    assertThat(executed).containsExactly("SELECT 3");
    assertThat(screen.toString(StandardCharsets.UTF_8)).contains("error: SQL error: no table nope");
  }

  @Test
  void knowsWhenAStatementIsComplete() {
    assertThat(SqlScript.complete("SELECT 1;  -- done\n")).isTrue();
    assertThat(SqlScript.complete("SELECT ';'")).isFalse();
    assertThat(SqlScript.complete("SELECT 1; SELECT")).isFalse();
    assertThat(SqlScript.complete("SELECT 'it''s;'")).isFalse();
  }
}

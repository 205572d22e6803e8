package dk.barometer.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cells as the kernel runs them, without Jupyter: JShell in this JVM. */
class JavaCellsTest {
  private static JavaCells cells;

  @BeforeAll
  static void startJShell() {
    cells = new JavaCells();
  }

  @AfterAll
  static void stopJShell() {
    cells.close();
  }

  @Test
  void declarationsLastFromCellToCellAndTheLastExpressionIsTheCellsValue() throws Exception {
    assertThat(cells.run("int base = 40;\nint twice(int x) { return 2 * x; }")).isNull();
    assertThat(cells.run("var shares = java.util.List.of(0.25, 0.5);\ntwice(base) + 2")).isEqualTo("82");
    assertThat(cells.run("shares.size()")).isEqualTo("2");
  }

  @Test
  void aCellReachesTheNotebookThroughDisplay() throws Exception {
    List<String> shown = new ArrayList<>();
    Display.sendTo((mimeType, content) -> shown.add(mimeType + " " + content));
    cells.run("dk.barometer.notebook.Display.show(\"text/html\", \"<b>\" + (1 + 1) + \"</b>\");");
    assertThat(shown).containsExactly("text/html <b>2</b>");
  }

  @Test
  void completesTheSnippetUnderTheCursor() throws Exception {
    cells.run("String shareText = \"0.65\";");
    String cell = "int x = 1;\nshareText.toUpp";
    JavaCells.Completions completions = cells.complete(cell, cell.length());
    assertThat(completions.candidates()).contains("toUpperCase(");
    assertThat(cell.substring(completions.start())).isEqualTo("toUpp");
  }

  @Test
  void aCellThatDoesNotCompileOrThrowsFailsWithTheReason() {
    assertThatThrownBy(() -> cells.run("int y = \"text\";")).isInstanceOf(JavaCells.CellException.class)
        .hasMessageContaining("incompatible types").hasMessageContaining("int y = \"text\";");
    assertThatThrownBy(() -> cells.run("Integer.parseInt(\"x1\")")).isInstanceOf(JavaCells.CellException.class)
        .hasMessageContaining("java.lang.NumberFormatException").hasMessageContaining("x1");
  }
}

package dk.barometer.notebook;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Jupyter kernel of the barometer notebooks: Java cells run by JShell in the kernel's JVM, which has the
 * project and Spark on its class path (notebooks/install-kernel writes the kernel spec). Usage:
 * {@code NotebookKernel CONNECTION_FILE}, as Jupyter starts it.
 */
public final class NotebookKernel extends BaseKernel {
  private final JavaCells cells = new JavaCells();

  private NotebookKernel() {
    Display.sendTo((mimeType, content) -> {
      DisplayData data = new DisplayData(mimeType.equals("text/plain") ? content : "(" + mimeType + ")");
      data.putData(mimeType, content);
      display(data);
    });
  }

  public static void main(String[] args) throws Exception {
    // The protocol library logs every message it handles at INFO, on loggers without a package name.
    Logger.getLogger("").setLevel(Level.WARNING);
    if (args.length != 1) {
      System.err.println("Usage: NotebookKernel CONNECTION_FILE (Jupyter passes it; docs/querying.md, Notebooks)");
      System.exit(2);
    }
    KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JupyterConnection connection = new JupyterConnection(properties);
    NotebookKernel kernel = new NotebookKernel();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
    kernel.cells.close();
  }

  @Override
  public DisplayData eval(String cell) throws Exception {
    String value = cells.run(cell);
    return value == null ? null : new DisplayData(value);
  }

  @Override
  public ReplacementOptions complete(String cell, int cursor) {
    JavaCells.Completions completions = cells.complete(cell, cursor);
    return completions.candidates().isEmpty() ? null
        : new ReplacementOptions(completions.candidates(), completions.start(), cursor);
  }

  @Override
  public List<String> formatError(Exception e) {
    return e instanceof JavaCells.CellException ? List.of(e.getMessage().split("\n")) : super.formatError(e);
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java")
        .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
  }
}

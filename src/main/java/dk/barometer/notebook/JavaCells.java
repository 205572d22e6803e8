package dk.barometer.notebook;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs notebook cells as JShell snippets in this JVM ("local" execution), so cells see the project's classes and
 * share statics with the kernel, such as {@link Display}'s output. Declarations persist from cell to cell.
 */
final class JavaCells implements AutoCloseable {
  /** A cell that did not compile or threw; the message is what the notebook shows. */
  static final class CellException extends Exception {
    CellException(String message) {
      super(message);
    }
  }

  private final JShell shell;

  JavaCells() {
    shell = JShell.builder().executionEngine("local").build();
    shell.addToClasspath(System.getProperty("java.class.path"));
  }

  /**
   * Runs every snippet of {@code cell} in order and stops at the first that fails.
   *
   * @return the value of the last snippet if it is an expression with a value, else null
   */
  String run(String cell) throws CellException {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = cell;
    String value = null;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (!info.completeness().isComplete()) {
        throw new CellException("Incomplete statement: " + rest.strip());
      }
      value = null;
      for (SnippetEvent event : shell.eval(info.source())) {
        check(event);
        if (event.causeSnippet() == null && isExpression(event.snippet()) && event.value() != null
            && !event.value().isEmpty()) {
          value = event.value();
        }
      }
      rest = info.remaining();
    }
    return value;
  }

  /** What may follow the text before {@code cursor}: candidates for the text from {@code start} to the cursor. */
  record Completions(List<String> candidates, int start) {}

  /** Completions in the snippet of {@code cell} that holds {@code cursor}, as JShell's Tab offers them. */
  Completions complete(String cell, int cursor) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    int snippetStart = 0;
    String rest = cell.substring(0, cursor);
    while (true) { // skip the complete snippets before the cursor
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
        break;
      }
      snippetStart += rest.length() - info.remaining().length();
      rest = info.remaining();
    }
    int[] anchor = new int[1];
    List<String> candidates = analysis.completionSuggestions(rest, rest.length(), anchor).stream()
        .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
    return new Completions(candidates, snippetStart + anchor[0]);
  }

  private void check(SnippetEvent event) throws CellException {
    if (event.status() == Snippet.Status.REJECTED) {
      List<Diag> diagnostics = shell.diagnostics(event.snippet()).toList();
      throw new CellException(diagnostics.stream().map(d -> d.getMessage(null)).collect(Collectors.joining("\n"))
          + "\nin: " + event.snippet().source().strip());
    }
    JShellException thrown = event.exception();
    if (thrown instanceof EvalException e) {
      throw new CellException(e.getExceptionClassName() + ": " + e.getMessage() + stackTrace(e));
    }
    if (thrown instanceof UnresolvedReferenceException e) {
      throw new CellException("Unresolved reference in " + e.getSnippet().source().strip());
    }
  }

  private static String stackTrace(EvalException e) {
    StringBuilder trace = new StringBuilder();
    for (StackTraceElement element : e.getStackTrace()) {
      trace.append("\n    at ").append(element);
    }
    return trace.toString();
  }

  private static boolean isExpression(Snippet snippet) {
    return snippet.kind() == Snippet.Kind.EXPRESSION
        || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  @Override
  public void close() {
    shell.close();
  }
}

package dk.barometer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a SQL script into statements at semicolons outside quotes and comments. */
final class SqlScript {
  /**
   * First words of the statements that leave a session's state as they found it: no setting, temporary view,
   * variable or current database comes from a query, a description or a listing.
   */
  private static final Set<String> READING = Set.of("select", "with", "values", "table", "from", "describe", "desc",
      "show", "explain");
  private static final Pattern FIRST_WORD = Pattern.compile("^(?:\\s|\\(|/\\*.*?\\*/)*([A-Za-z]+)", Pattern.DOTALL);

  private SqlScript() {}

  /** Whether {@code statement} (one of {@link #statements}) only reads, judged by its first word. */
  static boolean reads(String statement) {
    Matcher first = FIRST_WORD.matcher(statement);
    return first.find() && READING.contains(first.group(1).toLowerCase(Locale.ROOT));
  }

  /** Whether {@code script} ends a statement: its last character outside quotes and comments is a semicolon. */
  static boolean complete(String script) {
    char quote = 0;
    boolean endsWithSemicolon = false;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        endsWithSemicolon = false;
      } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
      } else if (!Character.isWhitespace(c)) {
        endsWithSemicolon = c == ';';
      }
    }
    return quote == 0 && endsWithSemicolon;
  }

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
        add(statements, current);
      } else {
        current.append(c);
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder current) {
    String s = current.toString().strip();
    if (!s.isEmpty()) {
      statements.add(s);
    }
    current.setLength(0);
  }
}

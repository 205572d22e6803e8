package dk.barometer.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedStar;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * The columns a Spark SQL condition names, parsed as {@code functions.expr} parses it at run time, without a Spark
 * session or any data. Each distinct text is parsed once: the codebooks repeat their routing conditions.
 */
final class SnippetParser {
  private final Map<String, List<String>> columnsByText = new HashMap<>();

  /**
   * The column names of {@code snippet}, as written (a struct field's column is its first name part); a text that
   * does not parse is a configuration error naming the snippet.
   */
  List<String> columns(SqlSnippet snippet) {
    List<String> columns = columnsByText.get(snippet.text());
    if (columns == null) {
      columns = parse(snippet);
      columnsByText.put(snippet.text(), columns);
    }
    return columns;
  }

  private static List<String> parse(SqlSnippet snippet) {
    try {
      Expression condition = CatalystSqlParser$.MODULE$.parseExpression(snippet.text());
      if (readsBeyondItsColumns(condition)) {
        throw ConfigErrors.conditionBeyondItsColumns(snippet);
      }
      Set<String> columns = new LinkedHashSet<>();
      collect(condition, columns);
      return List.copyOf(columns);
    } catch (Exception e) { // Scala throws the checked ParseException undeclared
      if (e instanceof ParseException syntax) {
        // The first line is the error and its position; the rest repeats the text with a marker under it.
        throw ConfigErrors.unparsableCondition(snippet, syntax.getMessage().strip().lines().findFirst().orElse(""),
            syntax);
      }
      throw e;
    }
  }

  /**
   * The column names of a condition, as written. A condition that does not parse throws the parser's own exception;
   * the conditions of a loaded {@code conf/} all parse ({@link SnippetCheck} checked them).
   */
  static List<String> columns(String condition) {
    Set<String> columns = new LinkedHashSet<>();
    collect(CatalystSqlParser$.MODULE$.parseExpression(condition), columns);
    return List.copyOf(columns);
  }

  /**
   * Whether a condition reads more than the columns it names: a subquery reads relations, a star every column of the
   * row (the respondent id among them). A condition about a respondent's answers needs neither.
   */
  private static boolean readsBeyondItsColumns(Expression expression) {
    if (expression instanceof SubqueryExpression || expression instanceof UnresolvedStar) {
      return true;
    }
    scala.collection.Iterator<Expression> children = expression.children().iterator();
    while (children.hasNext()) {
      if (readsBeyondItsColumns(children.next())) {
        return true;
      }
    }
    return false;
  }

  /** The walk finds the columns only: a lambda's variables are of another class. */
  private static void collect(Expression expression, Set<String> columns) {
    if (expression instanceof UnresolvedAttribute column) {
      columns.add(column.nameParts().head());
    }
    scala.collection.Iterator<Expression> children = expression.children().iterator();
    while (children.hasNext()) {
      collect(children.next(), columns);
    }
  }
}

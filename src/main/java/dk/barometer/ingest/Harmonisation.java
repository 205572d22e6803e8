package dk.barometer.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import dk.barometer.config.Codebook;
import dk.barometer.config.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Maps one wave's validated responses onto the stable concepts the indicators use (see {@link Question}): each
 * question column is renamed to its concept and, where the wave changed the answer codes, recoded onto the
 * concept's scale. Classification and other columns pass unchanged. The result matches
 * {@link Codebook#harmonised()}, so every wave is estimated, stored and compared in the same terms.
 */
public final class Harmonisation {
  private final Codebook codebook;

  public Harmonisation(Codebook codebook) {
    this.codebook = codebook;
  }

  public Dataset<Row> apply(String survey, Dataset<Row> valid) {
    List<Question> questions = codebook.survey(survey).questions();
    Set<String> ids = Set.copyOf(questions.stream().map(Question::id).toList());
    List<Column> columns = new ArrayList<>();
    for (String column : valid.columns()) {
      if (!ids.contains(column)) {
        columns.add(col(column));
      }
    }
    for (Question question : questions) {
      columns.add(concept(question).as(question.conceptId()));
    }
    return valid.select(columns.toArray(Column[]::new));
  }

  private static Column concept(Question question) {
    if (question.recode().isEmpty()) {
      return col(question.id());
    }
    List<Column> pairs = new ArrayList<>();
    question.recode().forEach((from, to) -> {
      pairs.add(lit(from));
      pairs.add(lit(to));
    });
    // Validation has rejected codes outside the scale, so every non-null code has a mapping.
    return element_at(map(pairs.toArray(Column[]::new)), col(question.id()));
  }
}

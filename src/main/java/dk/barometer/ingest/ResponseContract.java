package dk.barometer.ingest;

import dk.barometer.config.Classifications;
import dk.barometer.config.Codebook;
import dk.barometer.config.Question;
import dk.barometer.config.SurveyCodebook;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a response file of one survey and wave must have: respondent id, wave, the survey's classification
 * variables, the sampling stratum and one integer column per codebook question.
 */
public record ResponseContract(String survey, int wave, Codebook codebook, Classifications classifications,
                               String stratumColumn) {
  public static final String RESPONDENT_ID = "respondent_id";
  public static final String WAVE = "wave";

  public SurveyCodebook questionnaire() {
    return codebook.survey(survey);
  }

  public List<String> classificationColumns() {
    return questionnaire().classifications();
  }

  public List<Question> questions() {
    return questionnaire().questions();
  }

  /**
   * The columns that say who answered rather than what: id, classifications and stratum. The responses tables keep
   * file statistics for these only, which is what their queries select on, so writing a wave does not compute
   * minimum, maximum and nulls of every answer of every row.
   */
  public List<String> respondentColumns() {
    List<String> columns = new ArrayList<>();
    columns.add(RESPONDENT_ID);
    columns.addAll(classificationColumns());
    columns.add(stratumColumn);
    return columns;
  }

  /** Every contract column, in contract order. */
  public List<String> columns() {
    List<String> columns = new ArrayList<>();
    columns.add(RESPONDENT_ID);
    columns.add(WAVE);
    columns.addAll(classificationColumns());
    columns.add(stratumColumn);
    questions().forEach(q -> columns.add(q.id()));
    return columns;
  }

  public String describe() {
    return survey + " responses of wave " + wave;
  }
}

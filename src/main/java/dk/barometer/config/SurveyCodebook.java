package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The questions and classification variables of one survey in one wave. */
public record SurveyCodebook(List<String> classifications, List<Question> questions) {
  public SurveyCodebook {
    checkArgument(classifications != null && !classifications.isEmpty(), "A survey needs classification variables");
    checkArgument(questions != null && !questions.isEmpty(), "A survey needs questions");
    classifications = List.copyOf(classifications);
    questions = List.copyOf(questions);
    Set<String> ids = new HashSet<>(classifications);
    for (Question q : questions) {
      checkArgument(ids.add(q.id()), "Question id '%s' is used twice (or clashes with a classification)", q.id());
    }
  }

  public Optional<Question> question(String id) {
    return questions.stream().filter(q -> q.id().equals(id)).findFirst();
  }
}

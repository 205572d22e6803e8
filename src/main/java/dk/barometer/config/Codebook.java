package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The versioned codebook of one wave: answer scales and, per survey, the questions on them. */
public record Codebook(int wave, String version, Map<String, List<AnswerCode>> scales,
                       Map<String, SurveyCodebook> surveys) {
  public Codebook {
    checkArgument(version != null && !version.isBlank(), "Codebook of wave %s has no version", wave);
    checkArgument(scales != null && !scales.isEmpty(), "Codebook %s defines no scales", version);
    checkArgument(surveys != null && !surveys.isEmpty(), "Codebook %s defines no surveys", version);
    scales = Map.copyOf(scales);
    surveys = Map.copyOf(surveys);
    for (Map.Entry<String, List<AnswerCode>> scale : scales.entrySet()) {
      Set<Integer> codes = scale.getValue().stream().map(AnswerCode::code).collect(Collectors.toSet());
      checkArgument(codes.size() == scale.getValue().size(), "Scale '%s' lists a code twice", scale.getKey());
    }
    for (Map.Entry<String, SurveyCodebook> survey : surveys.entrySet()) {
      for (Question q : survey.getValue().questions()) {
        checkArgument(scales.containsKey(q.scale()), "Question %s.%s uses scale '%s', which is not defined; scales: %s",
            survey.getKey(), q.id(), q.scale(), scales.keySet());
      }
    }
  }

  public static Codebook load(Path file) {
    return Yaml.read(file, Codebook.class);
  }

  public SurveyCodebook survey(String survey) {
    SurveyCodebook s = surveys.get(survey);
    checkArgument(s != null, "Codebook %s has no survey '%s'; it has %s", version, survey, surveys.keySet());
    return s;
  }

  public List<AnswerCode> scaleOf(Question question) {
    return scales.get(question.scale());
  }

  /** Codes of a question that count in a base: every code of its scale not marked missing. */
  public List<Integer> validCodes(Question question) {
    return scaleOf(question).stream().filter(c -> !c.isMissing()).map(AnswerCode::code).toList();
  }

  public List<Integer> allCodes(Question question) {
    return scaleOf(question).stream().map(AnswerCode::code).toList();
  }
}

package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
      Set<String> concepts = new HashSet<>(survey.getValue().classifications());
      for (Question q : survey.getValue().questions()) {
        checkArgument(scales.containsKey(q.scale()), "Question %s.%s uses scale '%s', which is not defined; scales: %s",
            survey.getKey(), q.id(), q.scale(), scales.keySet());
        checkArgument(concepts.add(q.conceptId()), "Question %s.%s: concept '%s' is used twice in codebook %s",
            survey.getKey(), q.id(), q.conceptId(), version);
        checkRecode(survey.getKey(), q, scales);
      }
    }
  }

  private static void checkRecode(String survey, Question q, Map<String, List<AnswerCode>> scales) {
    if (q.conceptScale() == null) {
      return;
    }
    List<AnswerCode> target = scales.get(q.conceptScale());
    checkArgument(target != null, "Question %s.%s: concept_scale '%s' is not defined", survey, q.id(),
        q.conceptScale());
    Set<Integer> from = scales.get(q.scale()).stream().map(AnswerCode::code).collect(Collectors.toSet());
    Set<Integer> to = target.stream().map(AnswerCode::code).collect(Collectors.toSet());
    checkArgument(q.recode().keySet().equals(from), "Question %s.%s: recode must map every code of scale '%s' %s, "
        + "not %s", survey, q.id(), q.scale(), new TreeSet<>(from), q.recode().keySet());
    checkArgument(to.containsAll(q.recode().values()), "Question %s.%s: recode maps onto codes %s, but scale '%s' "
        + "has %s", survey, q.id(), new TreeSet<>(q.recode().values()), q.conceptScale(), new TreeSet<>(to));
  }

  /**
   * The codebook as the indicators see it: every question renamed to its concept and on the concept's scale (see
   * {@link Question}); the responses are harmonised the same way ({@code ingest.Harmonisation}).
   */
  public Codebook harmonised() {
    Map<String, SurveyCodebook> concepts = new HashMap<>();
    surveys.forEach((name, survey) -> concepts.put(name, new SurveyCodebook(survey.classifications(),
        survey.questions().stream().map(Question::asConcept).toList())));
    return new Codebook(wave, version, scales, concepts);
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

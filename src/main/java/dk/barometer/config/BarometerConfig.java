package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything in {@code conf/}, parsed and cross-checked once: settings, classifications, indicator catalogue, the
 * comparisons of domains and the codebook of a wave. No Spark here; a config error fails before any data is read.
 */
public record BarometerConfig(Path directory, Settings settings, Classifications classifications,
                              IndicatorCatalog indicators, ComparisonCatalog comparisons) {

  public static BarometerConfig load(Path directory) {
    Settings settings = Yaml.read(directory.resolve("barometer.yaml"), Settings.class);
    Classifications classifications = Classifications.load(directory.resolve(settings.classifications()));
    IndicatorCatalog indicators = IndicatorCatalog.load(directory.resolve(settings.indicators()));
    Path comparisonsFile = settings.comparisons() == null ? null : directory.resolve(settings.comparisons());
    BarometerConfig config = new BarometerConfig(directory, settings, classifications, indicators,
        ComparisonCatalog.load(comparisonsFile));
    config.checkSurveys();
    config.checkConceptsAsked();
    config.comparisons().check(comparisonsFile, config);
    new SnippetCheck(config).check();
    return config;
  }

  /**
   * Checks the conditions and breakdowns of an ad-hoc estimate of {@code survey} in {@code wave} as those of
   * {@code conf/} are checked when it loads (exit 3 naming the condition, the column and the nearest column): each
   * parses, reads no more than the columns it names, and names columns of the survey's harmonised responses only
   * (classification variables, stratum, concepts: never the respondent id or the wave); each breakdown is a
   * classification variable or a question of those rows. {@code source} names where the request is written.
   */
  public void checkRequest(int wave, String survey, List<SqlSnippet> conditions, List<String> breakdowns,
                           String source) {
    new SnippetCheck(this).checkOnResponses(wave, survey, conditions, breakdowns, source);
  }

  /** Every condition of {@code catalog} (its domains', its indicators'), as written in {@code source}. */
  public List<SqlSnippet> conditionsOf(IndicatorCatalog catalog, String source) {
    return new SnippetCheck(this).conditionsOf(catalog, source);
  }

  /** The codebook of {@code wave}, checked against the settings, classifications and indicators. */
  public Codebook codebook(int wave) {
    Path file = directory.resolve(settings.wave(wave).codebook());
    Codebook codebook = Codebook.load(file);
    checkArgument(codebook.wave() == wave, "%s is the codebook of wave %s, but barometer.yaml names it for wave %s",
        file, codebook.wave(), wave);
    for (String survey : settings.surveys().keySet()) {
      checkCodebook(file, codebook, survey);
    }
    return codebook;
  }

  /**
   * The codebook, in concept terms, of the latest configured wave that asks {@code concept} in {@code survey}: where
   * question texts and code labels of a concept come from. Empty when no wave asks it.
   */
  public Optional<Codebook> latestAsking(String survey, String concept) {
    for (int wave : new TreeSet<>(settings.waves().keySet()).descendingSet()) {
      Codebook concepts = codebook(wave).harmonised();
      if (concepts.survey(survey).question(concept).isPresent()) {
        return Optional.of(concepts);
      }
    }
    return Optional.empty();
  }

  /**
   * Every value of every domain of the catalogue, domains in catalogue order and values in the order of conf/: the
   * groups as listed, a classification's codes, or the answer codes of the question a domain breaks down by (from
   * any survey that asks it).
   */
  public List<DomainValue> domainValues() {
    List<DomainValue> values = new ArrayList<>();
    for (Map.Entry<String, DomainDefinition> entry : indicators.domains().entrySet()) {
      String domain = entry.getKey();
      DomainDefinition d = entry.getValue();
      if (d.isTotal()) {
        values.add(new DomainValue(domain, DomainDefinition.TOTAL_VALUE, new Label("Alle", "All")));
      } else if (d.isGrouped()) {
        d.groups().forEach(g -> values.add(new DomainValue(domain, g.value(), new Label(g.da(), g.en()))));
      } else if (classifications.classifications().containsKey(d.variable())) {
        classifications.get(d.variable()).codes()
            .forEach(c -> values.add(new DomainValue(domain, c.code(), new Label(c.da(), c.en()))));
      } else {
        settings.surveys().keySet().stream().map(survey -> latestAsking(survey, d.variable())
                .map(codebook -> codebook.scaleOf(codebook.survey(survey).question(d.variable()).orElseThrow())))
            .flatMap(Optional::stream).findFirst().orElse(List.of())
            .forEach(c -> values.add(new DomainValue(domain, String.valueOf(c.code()), new Label(c.da(), c.en()))));
      }
    }
    return values;
  }

  /**
   * SHA-256 of the configuration files a run of {@code wave} reads (settings, classifications, indicators, the
   * comparisons, the wave's codebook), recorded in the runs table: equal hashes mean equal configuration.
   */
  public String fingerprint(int wave) {
    List<String> files = new ArrayList<>(List.of("barometer.yaml", settings.classifications(),
        settings.indicators(), settings.wave(wave).codebook()));
    if (settings.comparisons() != null) {
      files.add(settings.comparisons());
    }
    return fingerprintOf(files);
  }

  /** SHA-256 of the configuration files a pact run reads: the pact's codes and the classifications. */
  public String pactFingerprint() {
    return fingerprintOf(List.of(settings.classifications(), PactCodebook.FILE));
  }

  private String fingerprintOf(List<String> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String file : files) {
        digest.update(file.getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(directory.resolve(file)));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw ConfigErrors.unreadableForFingerprint(directory, e);
    }
  }

  /** Every concept an indicator uses is asked in at least one configured wave: otherwise it is a typo. */
  private void checkConceptsAsked() {
    Map<String, Set<String>> asked = new HashMap<>();
    for (int wave : settings.waves().keySet()) {
      Codebook concepts = codebook(wave).harmonised();
      concepts.surveys().forEach((survey, book) -> book.questions()
          .forEach(q -> asked.computeIfAbsent(survey, s -> new HashSet<>()).add(q.id())));
    }
    for (IndicatorDefinition indicator : indicators.indicators()) {
      for (String concept : indicator.questions()) {
        checkArgument(asked.getOrDefault(indicator.survey(), Set.of()).contains(concept), "Indicator '%s' uses "
            + "question '%s', which no configured wave's codebook asks in survey '%s'", indicator.id(), concept,
            indicator.survey());
      }
    }
  }

  private void checkSurveys() {
    for (Map.Entry<String, SurveySettings> survey : settings.surveys().entrySet()) {
      for (String margin : survey.getValue().margins()) {
        classifications.get(margin);
      }
    }
    for (IndicatorDefinition indicator : indicators.indicators()) {
      checkArgument(settings.surveys().containsKey(indicator.survey()),
          "Indicator '%s' is for survey '%s', which is not configured; surveys: %s", indicator.id(),
          indicator.survey(), settings.surveys().keySet());
    }
  }

  private void checkCodebook(Path file, Codebook codebook, String survey) {
    SurveyCodebook questions = codebook.survey(survey);
    for (String variable : questions.classifications()) {
      classifications.get(variable);
    }
    Set<String> variables = new HashSet<>(questions.classifications());
    for (String margin : settings.survey(survey).margins()) {
      checkArgument(variables.contains(margin), "%s: survey '%s' is raked on '%s', which is not among its "
          + "classification variables %s", file, survey, margin, questions.classifications());
    }
    // Indicators are defined on concepts; a concept this wave did not ask gives no estimate for the wave.
    Codebook concepts = codebook.harmonised();
    SurveyCodebook conceptQuestions = concepts.survey(survey);
    for (IndicatorDefinition indicator : indicators.forSurvey(survey)) {
      for (String id : indicator.questions()) {
        Question question = conceptQuestions.question(id).orElse(null);
        if (question == null) {
          continue;
        }
        List<Integer> codes = concepts.validCodes(question);
        for (int code : indicator.success()) {
          checkArgument(codes.contains(code), "Indicator '%s' counts code %s of '%s' as success, but the valid "
              + "codes are %s (%s)", indicator.id(), code, question.id(), codes, file);
        }
      }
      for (String domain : indicator.domains()) {
        DomainDefinition d = indicators.domains().get(domain);
        checkArgument(d.variable() == null || variables.contains(d.variable())
                || conceptQuestions.question(d.variable()).isPresent(), "Indicator '%s' is broken down by '%s', which is "
            + "neither a classification variable nor a question of survey '%s'", indicator.id(), d.variable(), survey);
      }
    }
  }
}

package dk.barometer.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every Spark SQL condition of {@code conf/}, checked when the configuration loads: each parses, and each column it
 * names is a column of the rows it is evaluated on, in every configured wave whose run evaluates it. Without this a
 * typo fails mid-run, after the responses were read and validated.
 *
 * <p>The rows are the run's. A question's {@code asked_if} is evaluated on the wave's response files as validated
 * ({@code validate.ResponseValidator}): the survey's classification variables, its stratum and the question ids of
 * the wave's codebook. A domain's and a group's {@code where} and an indicator's {@code base_where} are evaluated on
 * the responses harmonised to concepts ({@code estimation.IndicatorEstimator}): the concepts instead of the question
 * ids. The run evaluates a {@code base_where} only for an indicator the wave estimates, and a domain's conditions
 * only for a domain such an indicator is broken down by and whose variable the wave has; a condition no wave
 * evaluates is parsed only. The respondent id and wave columns are left out: no condition is about them.
 */
final class SnippetCheck {
  private final BarometerConfig config;
  private final String indicatorsFile;
  private final SnippetParser parser = new SnippetParser();

  SnippetCheck(BarometerConfig config) {
    this.config = config;
    this.indicatorsFile = config.directory().resolve(config.settings().indicators()).toString();
  }

  void check() {
    for (SqlSnippet condition : catalogueConditions()) {
      parser.columns(condition);
    }
    Settings settings = config.settings();
    for (int wave : new TreeSet<>(settings.waves().keySet())) {
      String codebookName = settings.wave(wave).codebook();
      String file = config.directory().resolve(codebookName).toString();
      Codebook codebook = config.codebook(wave);
      Codebook concepts = codebook.harmonised();
      for (String survey : settings.surveys().keySet()) {
        String stratum = settings.survey(survey).stratum();
        Rows validated = new Rows(String.format("the %s response files of wave %d (classification variables, stratum "
            + "and question ids of %s)", survey, wave, codebookName), codebook.survey(survey), stratum);
        for (Question q : codebook.survey(survey).questions()) {
          if (q.askedIf() != null) {
            resolve(new SqlSnippet(file, String.format("surveys.%s.questions[id: %s].asked_if", survey, q.id()),
                q.askedIf()), validated);
          }
        }
        Rows harmonised = harmonised(wave, survey, concepts);
        for (SqlSnippet condition : estimationConditions(survey, concepts.survey(survey), harmonised)) {
          resolve(condition, harmonised);
        }
      }
    }
  }

  /**
   * Checks conditions written outside {@code conf/} (an ad-hoc estimate's) on the rows they are evaluated on, as those
   * of {@code conf/} are: each parses, and names columns of {@code survey}'s harmonised responses of {@code wave}
   * only; each of {@code breakdowns} is a classification variable or a question of those rows (not the stratum).
   */
  void checkOnResponses(int wave, String survey, List<SqlSnippet> conditions, List<String> breakdowns,
                        String source) {
    Rows harmonised = harmonised(wave, survey, config.codebook(wave).harmonised());
    conditions.forEach(condition -> resolve(condition, harmonised));
    Rows variables = new Rows(harmonised.description(), harmonised.columns().stream()
        .filter(c -> !c.equals(config.settings().survey(survey).stratum())).toList());
    for (String variable : breakdowns) {
      if (!variables.has(variable)) {
        throw ConfigErrors.unknownBreakdown(source, variable, variables.description(), variables.nearest(variable),
            variables.columns().stream().sorted().toList());
      }
    }
  }

  private Rows harmonised(int wave, String survey, Codebook concepts) {
    return new Rows(String.format("the %s responses of wave %d as the indicators see them (classification "
        + "variables, stratum and the concepts of %s)", survey, wave, config.settings().wave(wave).codebook()),
        concepts.survey(survey), config.settings().survey(survey).stratum());
  }

  /** Every condition of the indicator catalogue: each domain's, then each indicator's. */
  private List<SqlSnippet> catalogueConditions() {
    return conditionsOf(config.indicators(), indicatorsFile);
  }

  /** Every condition of {@code catalog}, written in {@code source}: each domain's, then each indicator's. */
  List<SqlSnippet> conditionsOf(IndicatorCatalog catalog, String source) {
    List<SqlSnippet> conditions = new ArrayList<>();
    catalog.domains().forEach((name, domain) -> conditions.addAll(domainConditions(source, name, domain)));
    for (IndicatorDefinition indicator : catalog.indicators()) {
      conditions.addAll(indicatorConditions(source, indicator));
    }
    return conditions;
  }

  /** The conditions the estimation of {@code survey} evaluates on a wave with {@code concepts}. */
  private List<SqlSnippet> estimationConditions(String survey, SurveyCodebook concepts, Rows harmonised) {
    List<SqlSnippet> conditions = new ArrayList<>();
    Set<String> domains = new LinkedHashSet<>();
    for (IndicatorDefinition indicator : config.indicators().estimable(survey, concepts, harmonised.columns())) {
      conditions.addAll(indicatorConditions(indicatorsFile, indicator));
      domains.addAll(indicator.domains());
    }
    for (String name : domains) {
      conditions.addAll(domainConditions(indicatorsFile, name, config.indicators().domains().get(name)));
    }
    return conditions;
  }

  /** An indicator's {@code base_where}, and a condition indicator's {@code numerator} and {@code base}. */
  private static List<SqlSnippet> indicatorConditions(String source, IndicatorDefinition indicator) {
    List<SqlSnippet> conditions = new ArrayList<>();
    String key = String.format("indicators[id: %s, survey: %s].", indicator.id(), indicator.survey());
    if (indicator.baseWhere() != null) {
      conditions.add(new SqlSnippet(source, key + "base_where", indicator.baseWhere()));
    }
    if (indicator.numerator() != null) {
      conditions.add(new SqlSnippet(source, key + "numerator", indicator.numerator()));
    }
    if (indicator.base() != null) {
      conditions.add(new SqlSnippet(source, key + "base", indicator.base()));
    }
    return conditions;
  }

  private static List<SqlSnippet> domainConditions(String source, String name, DomainDefinition domain) {
    List<SqlSnippet> conditions = new ArrayList<>();
    if (domain.where() != null) {
      conditions.add(new SqlSnippet(source, "domains." + name + ".where", domain.where()));
    }
    for (DomainGroup group : domain.groups()) {
      conditions.add(new SqlSnippet(source, String.format("domains.%s.groups[value: %s].where", name,
          group.value()), group.where()));
    }
    return conditions;
  }

  private void resolve(SqlSnippet condition, Rows rows) {
    for (String column : parser.columns(condition)) {
      if (!rows.has(column)) {
        throw ConfigErrors.unknownColumn(condition, column, rows.description(), rows.nearest(column),
            rows.columns().stream().sorted().toList());
      }
    }
  }

  /** The rows a condition is evaluated on: what they are, as a message names them, and their columns. */
  private record Rows(String description, List<String> columns) {
    Rows(String description, SurveyCodebook book, String stratum) {
      this(description, columnsOf(book, stratum));
    }

    private static List<String> columnsOf(SurveyCodebook book, String stratum) {
      List<String> columns = new ArrayList<>(book.classifications());
      columns.add(stratum);
      book.questions().forEach(q -> columns.add(q.id()));
      return List.copyOf(columns);
    }

    /** Spark resolves column names case-insensitively (its default), so a condition may too. */
    boolean has(String column) {
      return columns.stream().anyMatch(column::equalsIgnoreCase);
    }

    /** The columns nearest {@code name}, as the fix of a typo: up to three, none if no column is near. */
    List<String> nearest(String name) {
      return NearestNames.of(name, columns);
    }
  }
}

package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** One indicator of {@code conf/indicators.yaml}; see that file for the meaning of each field. */
public record IndicatorDefinition(String id, String survey, IndicatorType type, String question,
                                  List<String> questions, List<Integer> success, String baseWhere, String da,
                                  String en, List<String> domains, String numerator, String base) {
  public IndicatorDefinition {
    checkArgument(id != null && id.matches("[a-z][a-z0-9_]*"), "Invalid indicator id '%s'", id);
    checkArgument(survey != null, "Indicator '%s' has no survey", id);
    checkArgument(type != null, "Indicator '%s' has no type (distribution, share, items, any, share_of_total, "
        + "condition)", id);
    checkArgument(da != null && en != null, "Indicator '%s' needs Danish (da) and English (en) names", id);
    checkArgument(domains != null && !domains.isEmpty(), "Indicator '%s' has no domains", id);
    if (type.singleQuestion()) {
      checkArgument(question != null && questions == null, "Indicator '%s' (%s) takes one 'question'", id,
          type.name().toLowerCase(java.util.Locale.ROOT));
    } else if (type.questionList()) {
      checkArgument(question == null && questions != null && !questions.isEmpty(),
          "Indicator '%s' (%s) takes a list 'questions'", id, type.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (type == IndicatorType.CONDITION) {
      checkArgument(question == null && questions == null && success == null && numerator != null
          && !numerator.isBlank(), "Indicator '%s' (condition) takes a 'numerator' condition and optionally a "
          + "'base' condition, and no question or success codes", id);
    } else {
      checkArgument(numerator == null && base == null, "Indicator '%s' (%s) takes no 'numerator' or 'base' "
          + "(those are for type condition; base_where restricts the base)", id,
          type.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (type == IndicatorType.DISTRIBUTION || type == IndicatorType.CONDITION) {
      checkArgument(success == null, "Indicator '%s' (%s) takes no success codes", id,
          type.name().toLowerCase(java.util.Locale.ROOT));
    } else {
      checkArgument(success != null && !success.isEmpty(), "Indicator '%s' needs success codes", id);
    }
    questions = type.singleQuestion() ? List.of(question) : type.questionList() ? List.copyOf(questions) : List.of();
    success = success == null ? List.of() : List.copyOf(success);
    domains = List.copyOf(domains);
  }

  /**
   * The column names {@code numerator} names (none for another type), as Spark resolves them; the questions among
   * them need a valid answer to be in the base.
   */
  public List<String> numeratorColumns() {
    return numerator == null ? List.of() : SnippetParser.columns(numerator);
  }

  /**
   * The categories this indicator estimates when its concepts are those of {@code concepts} (the questions of the
   * harmonised codebook asking each one): the valid answer codes of a distribution, {@link IndicatorCategory#YES}
   * for a share, a question per category for a list of items or shares of a total.
   */
  public List<IndicatorCategory> categories(Function<String, Codebook> concepts) {
    return switch (type) {
      case DISTRIBUTION -> {
        Codebook codebook = concepts.apply(question);
        Question asked = codebook.survey(survey).question(question).orElseThrow();
        yield codebook.scaleOf(asked).stream().filter(c -> !c.isMissing())
            .map(c -> new IndicatorCategory(String.valueOf(c.code()), question, c.da(), c.en())).toList();
      }
      case SHARE -> List.of(new IndicatorCategory(IndicatorCategory.YES, question, "Ja", "Yes"));
      case ANY, CONDITION -> List.of(new IndicatorCategory(IndicatorCategory.YES, null, "Ja", "Yes"));
      case ITEMS, SHARE_OF_TOTAL -> questions.stream().map(id -> {
        Question asked = concepts.apply(id).survey(survey).question(id).orElseThrow();
        return new IndicatorCategory(id, id, asked.da(), asked.en());
      }).toList();
    };
  }

  /**
   * Whether a wave asking {@code asked} of this indicator's concepts estimates it: every concept, or, for a list of
   * items (each on its own base), any of them.
   */
  public boolean estimableFrom(Collection<String> asked) {
    long present = questions.stream().filter(asked::contains).count();
    return type == IndicatorType.ITEMS ? present > 0 : present == questions.size();
  }

  /** The same indicator broken down by {@code subset} of its domains only. */
  public IndicatorDefinition withDomains(List<String> subset) {
    return new IndicatorDefinition(id, survey, type, question, type.questionList() ? questions : null,
        success.isEmpty() ? null : success, baseWhere, da, en, subset, numerator, base);
  }

  /** The same list indicator over {@code subset} of its questions only (the items a wave asked). */
  public IndicatorDefinition withQuestions(List<String> subset) {
    checkArgument(type.questionList(), "Indicator '%s' has no list of questions", id);
    return new IndicatorDefinition(id, survey, type, null, subset, success, baseWhere, da, en, domains, null, null);
  }
}

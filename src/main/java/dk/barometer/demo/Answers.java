package dk.barometer.demo;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.AnswerCode;
import dk.barometer.config.Codebook;
import dk.barometer.config.Question;
import dk.barometer.config.SurveyCodebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Answers one survey's questionnaire for classified units: the latent variables first, then the questions reported
 * from them and the question groups ({@link ItemGroup}), then "don't know" answers, then the codebook's routing: a
 * question whose {@code asked_if} is false for a respondent is null. The routing is evaluated from the codebook's
 * own Spark SQL conditions, so the generated files follow whatever the codebook says.
 */
final class Answers {
  private final String survey;
  private final SurveyModel model;
  private final SurveyCodebook questionnaire;
  private final Codebook codebook;
  private final Uniforms uniforms;

  Answers(String survey, SurveyModel model, Codebook codebook, Uniforms uniforms) {
    this.survey = survey;
    this.model = model;
    this.questionnaire = codebook.survey(survey);
    this.codebook = codebook;
    this.uniforms = uniforms;
  }

  /** {@code units} plus one integer column per question, in codebook order; the latents are dropped. */
  Dataset<Row> answer(Dataset<Row> units) {
    Dataset<Row> df = units;
    List<String> latents = new ArrayList<>();
    for (CategoricalModel latent : model.latent()) {
      df = df.withColumn(latent.variable(), Draws.categorical(latent, draw(latent.variable())));
      latents.add(latent.variable());
    }
    Map<String, Column> reported = new LinkedHashMap<>();
    for (ReportedLatent r : model.reported()) {
      reported.put(r.question(), recode(r));
    }
    df = df.withColumns(reported);
    for (int i = 0; i < model.groups().size(); i++) {
      df = new GroupDraw(model.groups().get(i), "_g" + i + "_").answer(df);
    }

    Map<String, Double> dontKnow = new LinkedHashMap<>();
    model.reported().forEach(r -> dontKnow.put(r.question(), r.dontKnow()));
    model.groups().forEach(g -> g.questions().forEach(q -> dontKnow.put(q, g.dontKnow())));
    Map<String, Column> answers = new LinkedHashMap<>();
    for (Question question : questionnaire.questions()) {
      answers.put(question.id(), withDontKnow(question, dontKnow.get(question.id())));
    }
    df = df.withColumns(answers);
    // One question at a time, in codebook order: a condition may refer to a question routed before it.
    for (Question question : questionnaire.questions()) {
      if (question.askedIf() != null) {
        df = df.withColumn(question.id(), when(expr(question.askedIf()), col(question.id())));
      }
    }
    return df.drop(latents.toArray(String[]::new));
  }

  private Column recode(ReportedLatent reported) {
    if (reported.codes().isEmpty()) {
      return col(reported.latent()).cast("int");
    }
    List<Column> entries = new ArrayList<>();
    reported.codes().forEach((category, code) -> {
      entries.add(lit(category));
      entries.add(lit(code));
    });
    return element_at(map(entries.toArray(Column[]::new)), col(reported.latent()));
  }

  private Column withDontKnow(Question question, double share) {
    Column answer = col(question.id()).cast("int");
    if (share == 0) {
      return answer;
    }
    int missing = codebook.scaleOf(question).stream().filter(AnswerCode::isMissing).findFirst().orElseThrow().code();
    return when(draw(question.id() + ".dont_know").lt(share), lit(missing)).otherwise(answer);
  }

  private Column draw(String what) {
    return uniforms.draw(survey + "." + what);
  }

  /**
   * The item states and answer codes of one question group. Its scratch columns (named with {@code prefix}) are
   * dropped as soon as they are used, which keeps the rows every projection copies narrow.
   */
  private final class GroupDraw {
    private final ItemGroup group;
    private final String prefix;

    GroupDraw(ItemGroup group, String prefix) {
      this.group = group;
      this.prefix = prefix;
    }

    Dataset<Row> answer(Dataset<Row> units) {
      Dataset<Row> df = state(units, "true", group.any(), group.items(), null);
      if (group.opposite() != null) {
        df = state(df, "opposite", group.opposite().any(), group.opposite().items(), "true");
      }
      Map<String, Column> codes = new LinkedHashMap<>();
      List<String> states = new ArrayList<>();
      for (String q : group.questions()) {
        // The code of every state is drawn and the item's state picks one: one uniform per answer, computed once.
        Column u = draw(q + ".code");
        List<Column> byState = new ArrayList<>(List.of(Draws.code(group.ifTrue(), u), Draws.code(group.ifFalse(), u)));
        Column state = when(col(name("true", q)), lit(1));
        states.add(name("true", q));
        if (group.opposite() != null) {
          byState.add(Draws.code(group.opposite().codes(), u));
          state = state.when(col(name("opposite", q)), lit(3));
          states.add(name("opposite", q));
        }
        codes.put(q, element_at(array(byState.toArray(Column[]::new)), state.otherwise(lit(2))));
      }
      return df.withColumns(codes).drop(states.toArray(String[]::new));
    }

    /**
     * Adds one boolean column per item: the item is in {@code state}. Items are drawn independently with their
     * probabilities; with a latent {@code any}, only units with the latent keep them, and a unit with the latent but
     * no item gets one, chosen in proportion to the item probabilities. Items already in state {@code exclude} are
     * never in this one.
     */
    private Dataset<Row> state(Dataset<Row> units, String state, ChanceModel any, ItemChances items,
                               String exclude) {
      String raw = any == null ? state : state + "_raw";
      Map<String, Column> probabilities = new LinkedHashMap<>();
      for (String q : group.questions()) {
        Column p = Draws.item(items, q);
        probabilities.put(name(state + "_p", q), exclude == null ? p : when(col(name(exclude, q)), lit(0.0))
            .otherwise(p));
      }
      Map<String, Column> draws = new LinkedHashMap<>();
      for (String q : group.questions()) {
        draws.put(name(raw, q), draw(q + "." + state).lt(col(name(state + "_p", q))));
      }
      if (any != null) {
        draws.put(name(state + "_any", ""), draw(group.name() + "." + state + ".any").lt(Draws.chance(any)));
      }
      Dataset<Row> df = units.withColumns(probabilities).withColumns(draws);
      List<String> used = new ArrayList<>(probabilities.keySet());
      if (any == null) {
        return df.drop(used.toArray(String[]::new));
      }
      // The forced item is a column of its own (null unless every item came out false): inlined into every item's
      // state it would repeat a large draw.
      Column none = not(group.questions().stream().map(q -> col(name(raw, q))).reduce(Column::or).orElseThrow());
      String primary = name(state + "_primary", "");
      df = df.withColumn(primary, when(none, Draws.pick(group.questions(),
          group.questions().stream().map(q -> col(name(state + "_p", q))).toList(),
          draw(group.name() + "." + state + ".primary"))));

      Map<String, Column> states = new LinkedHashMap<>();
      Column latent = col(name(state + "_any", ""));
      for (String q : group.questions()) {
        Column forced = coalesce(col(primary).equalTo(q), lit(false));
        states.put(name(state, q), latent.and(col(name(raw, q)).or(forced)));
      }
      used.addAll(draws.keySet());
      used.add(primary);
      return df.withColumns(states).drop(used.toArray(String[]::new));
    }

    private String name(String what, String question) {
      return prefix + what + (question.isEmpty() ? "" : "_" + question);
    }
  }
}

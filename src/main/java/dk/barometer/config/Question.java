package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One question of a survey: the integer column {@code id} of the response files, answered on {@code scale}.
 * {@code askedIf} is the routing as a Spark SQL condition (null: asked of everyone); {@code group} an optional
 * grouping used by composite indicators (economic / other value); {@code assumption} documents a project decision
 * where the source report is silent.
 *
 * <p>Harmonisation across waves: indicators are defined on stable concepts. {@code concept} names the question's
 * concept (default: its id, as in the first wave); a wave that changed the answer codes maps them onto the
 * concept's scale with {@code conceptScale} and {@code recode} (wave code to concept code, every code of the
 * wave's scale); {@code seriesBreak} says why this wave's answers are not comparable with the previous wave's
 * (a reworded question), and flags every estimate using it.
 */
public record Question(String id, String scale, String da, String en, String askedIf, String group,
                       String assumption, String concept, String conceptScale, Map<Integer, Integer> recode,
                       String seriesBreak) {
  private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Question {
    checkArgument(id != null && COLUMN_NAME.matcher(id).matches(),
        "Question id '%s' must be a lower-case column name ([a-z][a-z0-9_]*)", id);
    checkArgument(scale != null, "Question '%s' has no scale", id);
    checkArgument(da != null && en != null, "Question '%s' needs both Danish (da) and English (en) text", id);
    checkArgument(concept == null || COLUMN_NAME.matcher(concept).matches(),
        "Question '%s': concept '%s' must be a lower-case column name", id, concept);
    checkArgument((conceptScale == null) == (recode == null || recode.isEmpty()),
        "Question '%s': concept_scale and recode go together (the codes of '%s' mapped onto the concept's scale)",
        id, scale);
    checkArgument(seriesBreak == null || !seriesBreak.isBlank(), "Question '%s': series_break needs a reason", id);
    recode = recode == null ? Map.of() : new TreeMap<>(recode);
  }

  /** A question as it appears in one wave's files, with no harmonisation. */
  public Question(String id, String scale, String da, String en, String askedIf, String group, String assumption) {
    this(id, scale, da, en, askedIf, group, assumption, null, null, null, null);
  }

  /**
   * The columns the routing reads (none when the question is asked of everyone), parsed as Spark parses
   * {@code askedIf}; spelled as in the condition, which Spark resolves case-insensitively.
   */
  public List<String> routingColumns() {
    return askedIf == null ? List.of() : SnippetParser.columns(askedIf);
  }

  /** The stable concept the indicators refer to. */
  public String conceptId() {
    return concept == null ? id : concept;
  }

  /** The scale of the concept's codes: the question's own unless the wave recodes. */
  public String harmonisedScale() {
    return conceptScale == null ? scale : conceptScale;
  }

  /** The question as the concept: renamed and on the concept's scale (the routing text stays the wave's). */
  Question asConcept() {
    return new Question(conceptId(), harmonisedScale(), da, en, askedIf, group, assumption, null, null, null,
        seriesBreak);
  }

  /**
   * The item of a question text after its shared stem ("Effekt af AI på: Salg" gives "Salg"): how a chart or a
   * table names the questions of a list.
   */
  public static String item(String text) {
    int colon = text.lastIndexOf(": ");
    return colon < 0 ? text : text.substring(colon + 2);
  }
}

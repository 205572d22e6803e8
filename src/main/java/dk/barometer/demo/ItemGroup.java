package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;
import java.util.Map;

/**
 * Questions answered together from yes/no item states: barriers, value creation, functions using AI, yes/no
 * questions. Each item is "true" with its probability in {@code items}; the answer code is then drawn from
 * {@code ifTrue} or {@code ifFalse}.
 *
 * <p>With {@code any}, items are correlated through a latent "at least one item is true": only units with the latent
 * have true items, the items' probabilities are conditional on it, and a unit whose independent item draws all came
 * out false gets one item (chosen in proportion to the item probabilities) so the latent holds. Independent items
 * would make "at least one barrier" almost universal; the published share is two thirds.
 *
 * <p>{@code opposite} adds a second state among the items not true (value loss), with its own codes. A share
 * {@code dontKnow} (default 0) of the answers is replaced by the scale's missing code ("Ved ikke").
 */
public record ItemGroup(String name, List<String> questions, ChanceModel any, ItemChances items,
                        Map<Integer, Double> ifTrue, Map<Integer, Double> ifFalse, OppositeState opposite,
                        Double dontKnow) {
  public ItemGroup {
    dontKnow = dontKnow == null ? 0.0 : dontKnow;
    checkArgument(name != null && !name.isBlank(), "A question group needs a name");
    checkArgument(questions != null && !questions.isEmpty(), "Question group '%s' lists no questions", name);
    questions = List.copyOf(questions);
    checkArgument(questions.stream().distinct().count() == questions.size(), "Question group '%s' repeats a question",
        name);
    checkArgument(items != null, "Question group '%s' has no item probabilities", name);
    ifTrue = CodeShares.check("Question group '" + name + "' if_true", ifTrue);
    ifFalse = CodeShares.check("Question group '" + name + "' if_false", ifFalse);
    checkArgument(dontKnow >= 0 && dontKnow < 0.5, "Question group '%s': dont_know %s must be in [0, 0.5)", name,
        dontKnow);
  }
}

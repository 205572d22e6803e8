package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A question answered from a latent variable: the answer code of each latent category ({@code codes}; without it the
 * categories are the codes), with a share {@code dontKnow} (default 0) replaced by the scale's missing code.
 */
public record ReportedLatent(String question, String latent, Map<String, Integer> codes, Double dontKnow) {
  public ReportedLatent {
    dontKnow = dontKnow == null ? 0.0 : dontKnow;
    checkArgument(question != null && latent != null, "A reported latent needs a question and a latent");
    codes = codes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    checkArgument(dontKnow >= 0 && dontKnow < 0.5, "Question '%s': dont_know %s must be in [0, 0.5)", question,
        dontKnow);
  }
}

package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;

/**
 * How one survey's sample and answers are generated: the population it samples, its design, the latent variables
 * drawn for each respondent (in order; each may depend on classifications and earlier latents), the questions
 * reported from latents and the question groups.
 */
public record SurveyModel(String population, SampleDesign sample, List<CategoricalModel> latent,
                          List<ReportedLatent> reported, List<ItemGroup> groups) {
  public SurveyModel {
    checkArgument(population != null, "A survey model needs a population");
    checkArgument(sample != null, "A survey model needs a sample design");
    latent = latent == null ? List.of() : List.copyOf(latent);
    reported = reported == null ? List.of() : List.copyOf(reported);
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}

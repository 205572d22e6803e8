package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The codes of the AI competence pact's partner reports ({@code conf/pact.yaml}): partner kinds, forms of upskilling,
 * target groups, the industries whose firms are production firms, and which of the pact's figures stand beside which
 * barometer indicators. Industry and size class take the codes of {@code conf/classifications.yaml}.
 */
public record PactCodebook(int version, List<CategoryCode> kinds, List<CategoryCode> forms,
                           List<CategoryCode> targetGroups, List<String> productionIndustries,
                           List<BesideBarometer> besideBarometer) {
  public static final String FILE = "pact.yaml";
  /** The partner kind that is a firm: a production firm is a firm in a production industry. */
  public static final String FIRM = "firm";
  /** The headline figures of {@code pact_figures}: people upskilled and partners. */
  public static final String PEOPLE_UPSKILLED = "people_upskilled";
  public static final String PARTNERS = "partners";
  public static final List<String> FIGURES = List.of(PEOPLE_UPSKILLED, PARTNERS);

  public PactCodebook {
    kinds = unique("kinds", kinds);
    forms = unique("forms", forms);
    targetGroups = unique("target_groups", targetGroups);
    checkArgument(kinds.stream().anyMatch(k -> k.code().equals(FIRM)), "%s: kinds must include '%s'", FILE, FIRM);
    productionIndustries = List.copyOf(productionIndustries);
    besideBarometer = besideBarometer == null ? List.of() : List.copyOf(besideBarometer);
  }

  /**
   * {@code pact.yaml} of {@code config}'s directory, its industries checked against the classification and each
   * barometer indicator it names against the catalogue.
   */
  public static PactCodebook load(BarometerConfig config) {
    PactCodebook codebook = Yaml.read(config.directory().resolve(FILE), PactCodebook.class);
    List<String> industries = config.classifications().get("industry").codeValues();
    for (String industry : codebook.productionIndustries()) {
      checkArgument(industries.contains(industry), "%s: production industry '%s' is not an industry code of "
          + "classifications.yaml %s", FILE, industry, industries);
    }
    for (BesideBarometer row : codebook.besideBarometer()) {
      if (row.barometer() != null) {
        Barometer b = row.barometer();
        checkArgument(config.indicators().indicators().stream()
            .anyMatch(i -> i.id().equals(b.indicator()) && i.survey().equals(b.survey())),
            "%s: topic '%s' names indicator '%s' of the %s survey, which indicators.yaml does not define", FILE,
            row.topic(), b.indicator(), b.survey());
      }
    }
    return codebook;
  }

  /**
   * The codes of a breakdown of {@code pact_figures} that this file lists ({@code kind}, {@code form},
   * {@code target_group}), in its order; empty for another breakdown.
   */
  public List<CategoryCode> codesOf(String dimension) {
    return switch (dimension) {
      case "kind" -> kinds;
      case "form" -> forms;
      case "target_group" -> targetGroups;
      default -> List.of();
    };
  }

  public List<String> kindCodes() {
    return codes(kinds);
  }

  public List<String> formCodes() {
    return codes(forms);
  }

  public List<String> targetGroupCodes() {
    return codes(targetGroups);
  }

  private static List<String> codes(List<CategoryCode> codes) {
    return codes.stream().map(CategoryCode::code).toList();
  }

  private static List<CategoryCode> unique(String key, List<CategoryCode> codes) {
    checkArgument(codes != null && !codes.isEmpty(), "%s: %s lists no codes", FILE, key);
    Set<String> seen = new HashSet<>();
    for (CategoryCode code : codes) {
      checkArgument(seen.add(code.code()), "%s: %s lists code '%s' twice", FILE, key, code.code());
    }
    return List.copyOf(codes);
  }

  /** A topic of v_pact_barometer, with the pact's figure on it and the barometer's estimate (either may be null). */
  public record BesideBarometer(String topic, String da, String en, Pact pact, Barometer barometer) {
    public BesideBarometer {
      checkArgument(topic != null && da != null && en != null, "%s: a beside_barometer topic needs topic, da and en",
          FILE);
      checkArgument(pact != null || barometer != null, "%s: topic '%s' names neither a pact figure nor a barometer "
          + "indicator", FILE, topic);
    }
  }

  /** A row of pact_figures, shown as its count or its share ({@link #COUNT}, {@link #SHARE}). */
  public record Pact(String figure, String dimension, String value, String measure) {
    public static final String COUNT = "count";
    public static final String SHARE = "share";

    public Pact {
      checkArgument(COUNT.equals(measure) || SHARE.equals(measure), "%s: measure of pact figure '%s' is '%s'; it "
          + "must be %s or %s", FILE, figure, measure, COUNT, SHARE);
    }
  }

  /** The total of a catalogue indicator, with the category shown. */
  public record Barometer(String survey, String indicator, String category) {}
}

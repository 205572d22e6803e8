package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  /** The breakdown of a figure's total, and of the production firms among its partners: one value, {@link #ALL}. */
  public static final String TOTAL = "total";
  public static final String PRODUCTION_FIRMS = "production_firms";
  public static final String ALL = "all";
  /** Whether a partner joined in the reporting year ({@code in_year}) or before ({@code before}). */
  public static final String JOINED = "joined";
  public static final List<String> JOINED_VALUES = List.of("in_year", "before");
  /** The breakdowns of each figure in {@code pact_figures}; a breakdown is a column of the partners or reports. */
  public static final Map<String, List<String>> BREAKDOWNS = Map.of(
      PEOPLE_UPSKILLED, List.of(TOTAL, "kind", "industry", "form", "target_group", PRODUCTION_FIRMS),
      PARTNERS, List.of(TOTAL, "kind", "industry", "size_class", JOINED, PRODUCTION_FIRMS));

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
      if (row.pact() != null) {
        codebook.check(config.directory().resolve(FILE), "beside_barometer topic " + row.topic(), row.pact(), config);
      }
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

  /**
   * Checks that {@code row} names a row {@code pact_figures} can have: one of its figures, broken down as that figure
   * is, by a value of the breakdown. A misspelt name would find no count in any year, and the sentence or topic
   * would be left out as for a year without one.
   */
  public void check(Path file, String where, Pact row, BarometerConfig config) {
    checkBreakdown(file, where, row.figure(), row.dimension());
    List<String> values = switch (row.dimension()) {
      case TOTAL, PRODUCTION_FIRMS -> List.of(ALL);
      case JOINED -> JOINED_VALUES;
      case "industry", "size_class" -> config.classifications().get(row.dimension()).codeValues();
      default -> codes(codesOf(row.dimension()));
    };
    if (!values.contains(row.value())) {
      throw ConfigErrors.unknownPactName(file, where, "value of " + row.figure() + " by " + row.dimension(),
          row.value(), values);
    }
  }

  /** Checks that {@code figure} is a figure of {@code pact_figures} and {@code dimension} one of its breakdowns. */
  public static void checkBreakdown(Path file, String where, String figure, String dimension) {
    if (!FIGURES.contains(figure)) {
      throw ConfigErrors.unknownPactName(file, where, "pact figure", figure, FIGURES);
    }
    if (!BREAKDOWNS.get(figure).contains(dimension)) {
      throw ConfigErrors.unknownPactName(file, where, "breakdown of " + figure, dimension, BREAKDOWNS.get(figure));
    }
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

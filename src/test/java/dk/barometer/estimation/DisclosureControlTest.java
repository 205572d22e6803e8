package dk.barometer.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.DomainDefinition;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.IndicatorType;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.estimation.DisclosureControl.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link DisclosureControl} on base counts worked out by hand (suppression minimum 30): which
 * estimates a request with a breakdown by size class and a restriction shows, and when it is refused.
 */
class DisclosureControlTest {
  private static final DisclosureControl CONTROL = new DisclosureControl(new ReliabilitySettings(30, 50));

  private static IndicatorCatalog request(String where) {
    Map<String, DomainDefinition> domains = new LinkedHashMap<>();
    domains.put("total", new DomainDefinition(null, where, null));
    domains.put("size_class", new DomainDefinition("size_class", where, null));
    return new IndicatorCatalog("test", domains, null, List.of(new IndicatorDefinition("q", "employer",
        IndicatorType.CONDITION, null, null, null, null, "q", "q", List.of("total", "size_class"), "a = 1", null)));
  }

  @Test
  void theReferencesAreTheWholeRestrictionAndTheUnrestrictedEstimates() {
    IndicatorCatalog references = CONTROL.withReferences(request("b = 2"));
    assertThat(references.indicators()).extracting(IndicatorDefinition::id).containsExactly("q", "q_unrestricted");
    assertThat(references.indicators().get(0).domains()).containsExactly("total", "size_class", "~whole total",
        "~whole size_class");
    assertThat(references.indicators().get(1).domains()).containsExactly("~all", "~unrestricted total",
        "~unrestricted size_class");
    assertThat(references.domains().get("~unrestricted size_class").where()).isNull();
    assertThat(references.domains().get("~whole size_class").where()).isEqualTo("b = 2");
  }

  /**
   * Bases: micro 500, small 300, medium 40, large 12 (suppressed), no size class 0: the whole restriction 852. Shown
   * alone, large's 12 would follow from 852 - 500 - 300 - 40; so medium (the smallest shown) goes too: 52 hidden.
   */
  @Test
  void aSuppressedGroupTakesTheSmallestShownOneWithIt() {
    IndicatorCatalog request = request(null);
    Map<Key, Long> baseN = new LinkedHashMap<>();
    baseN.put(new Key("q", "total", "all", "yes"), 852L);
    baseN.put(new Key("q", "~whole size_class", "all", "yes"), 852L);
    baseN.put(new Key("q", "size_class", "micro", "yes"), 500L);
    baseN.put(new Key("q", "size_class", "small", "yes"), 300L);
    baseN.put(new Key("q", "size_class", "medium", "yes"), 40L);
    baseN.put(new Key("q", "size_class", "large", "yes"), 12L);
    assertThat(CONTROL.suppressed(request, baseN)).containsExactlyInAnyOrder(
        new Key("q", "size_class", "large", "yes"), new Key("q", "size_class", "medium", "yes"));

    // With 30 of no size class, those hidden are 42 already: only large is suppressed.
    baseN.put(new Key("q", "~whole size_class", "all", "yes"), 882L);
    assertThat(CONTROL.suppressed(request, baseN)).containsExactly(new Key("q", "size_class", "large", "yes"));
  }

  /** A restriction leaving out 0 or 30 of a group passes; leaving out 1 to 29 of any group is refused. */
  @Test
  void aRestrictionLeavingOutAFewIsRefused() {
    IndicatorCatalog request = request("b = 2");
    Map<Key, Long> baseN = new LinkedHashMap<>();
    baseN.put(new Key("q_unrestricted", "~all", "all", "yes"), 900L);
    baseN.put(new Key("q_unrestricted", "~unrestricted size_class", "micro", "yes"), 530L);
    baseN.put(new Key("q_unrestricted", "~unrestricted size_class", "small", "yes"), 370L);
    baseN.put(new Key("q", "total", "all", "yes"), 870L);
    baseN.put(new Key("q", "~whole total", "all", "yes"), 870L);
    baseN.put(new Key("q", "~whole size_class", "all", "yes"), 870L);
    baseN.put(new Key("q", "size_class", "micro", "yes"), 500L);
    baseN.put(new Key("q", "size_class", "small", "yes"), 370L);
    assertThat(CONTROL.narrowRestriction(request, baseN)).isEmpty();

    baseN.put(new Key("q", "size_class", "small", "yes"), 369L);
    assertThat(CONTROL.narrowRestriction(request, baseN)).hasValueSatisfying(narrow -> {
      assertThat(narrow.domain()).isEqualTo("size_class");
      assertThat(narrow.domainValue()).isEqualTo("small");
      assertThat(narrow.restriction()).isEqualTo("where \"b = 2\"");
    });
  }
}

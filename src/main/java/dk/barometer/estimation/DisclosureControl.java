package dk.barometer.estimation;

import static dk.barometer.config.Checks.checkArgument;

import dk.barometer.config.DomainDefinition;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.ReliabilitySettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an ad-hoc estimate may show a reader of published aggregates only (an analyst), who must not learn one
 * respondent's answer by comparing estimates: neither two of one request nor one of a request with one published or
 * asked for before. Every estimate is compared with the same estimate without the request's restrictions, which the
 * engine computes alongside it ({@link #withReferences}):
 *
 * <ol>
 *   <li>a restriction (a domain's {@code where}, a group's {@code where}, the indicator's {@code base} or
 *       {@code base_where}) may leave out of an estimate's base no respondent or at least the suppression minimum,
 *       else the request is refused ({@link #narrowRestriction}): "everyone" minus "everyone but one firm" is one
 *       firm;</li>
 *   <li>an estimate whose base is below the minimum is suppressed, and so, within a breakdown by a variable, are
 *       further groups, smallest first, until the respondents of the suppressed groups (and those of no group)
 *       number none or at least the minimum ({@link #suppressed}): else the unrestricted estimate, less the groups
 *       shown, would give the suppressed ones away.</li>
 * </ol>
 *
 * Estimates are compared by their unweighted base n, which the engine counts per estimate.
 */
public final class DisclosureControl {
  /** Names of the reference domains and indicator: no name of {@code conf/} or of a request has the character. */
  private static final String REFERENCE = "~";
  private static final String UNRESTRICTED_TOTAL = REFERENCE + "all";
  private static final String WHOLE = REFERENCE + "whole ";

  private final ReliabilitySettings reliability;

  public DisclosureControl(ReliabilitySettings reliability) {
    this.reliability = reliability;
  }

  /** One estimate's key: {@link IndicatorEstimator#KEYS}. */
  public record Key(String indicatorId, String domain, String domainValue, String category) {}

  /** A restriction that leaves out of an estimate's base between one respondent and fewer than the minimum. */
  public record NarrowRestriction(String restriction, String domain, String domainValue, String category,
                                  int minimum) {}

  /**
   * {@code request} (one indicator) with what the rules compare its estimates with: the indicator also over the
   * whole restriction of each of its domains (the domain's {@code where} only), and a copy of it without
   * {@code base} and {@code base_where} over each domain without its {@code where} and over the whole population.
   */
  public IndicatorCatalog withReferences(IndicatorCatalog request) {
    checkArgument(request.indicators().size() == 1, "An ad-hoc request has one indicator, not %s",
        request.indicators().size());
    IndicatorDefinition indicator = request.indicators().get(0);
    Map<String, DomainDefinition> domains = new LinkedHashMap<>(request.domains());
    List<String> restricted = new ArrayList<>(indicator.domains());
    List<String> open = new ArrayList<>(List.of(UNRESTRICTED_TOTAL));
    domains.put(UNRESTRICTED_TOTAL, new DomainDefinition(null, null, null));
    for (String name : indicator.domains()) {
      DomainDefinition domain = request.domains().get(name);
      checkArgument(!name.startsWith(REFERENCE), "A domain's name may not start with '%s': %s", REFERENCE, name);
      domains.put(whole(name), new DomainDefinition(null, domain.where(), null));
      restricted.add(whole(name));
      domains.put(unrestricted(name), new DomainDefinition(domain.variable(), null,
          domain.isGrouped() ? domain.groups() : null));
      open.add(unrestricted(name));
    }
    IndicatorDefinition reference = new IndicatorDefinition(reference(indicator.id()), indicator.survey(),
        indicator.type(), indicator.type().singleQuestion() ? indicator.question() : null,
        indicator.type().questionList() ? indicator.questions() : null,
        indicator.success().isEmpty() ? null : indicator.success(), null, indicator.da(), indicator.en(), open,
        indicator.numerator(), null);
    return new IndicatorCatalog(request.version(), domains, request.questionLists(),
        List.of(indicator.withDomains(restricted), reference));
  }

  /**
   * The first estimate of {@code request} whose restrictions leave out of its base between one respondent and
   * fewer than the minimum; {@code baseN}: the base n of every estimate of {@link #withReferences}.
   */
  public Optional<NarrowRestriction> narrowRestriction(IndicatorCatalog request, Map<Key, Long> baseN) {
    IndicatorDefinition indicator = request.indicators().get(0);
    String reference = reference(indicator.id());
    for (Map.Entry<Key, Long> estimate : baseN.entrySet()) {
      Key key = estimate.getKey();
      // An estimate of a domain, or of a domain's whole restriction, against the same without the restrictions.
      boolean whole = key.domain().startsWith(WHOLE);
      String name = whole ? key.domain().substring(WHOLE.length()) : key.domain();
      if (!key.indicatorId().equals(indicator.id()) || !indicator.domains().contains(name)) {
        continue;
      }
      DomainDefinition domain = request.domains().get(name);
      boolean overAll = whole || domain.isTotal();
      String openDomain = overAll ? UNRESTRICTED_TOTAL : unrestricted(name);
      String openValue = overAll ? DomainDefinition.TOTAL_VALUE : key.domainValue();
      long unrestricted = baseN.getOrDefault(new Key(reference, openDomain, openValue, key.category()), 0L);
      if (narrow(unrestricted - estimate.getValue())) {
        return Optional.of(new NarrowRestriction(restrictions(domain, indicator), name,
            whole ? DomainDefinition.TOTAL_VALUE : key.domainValue(), key.category(), reliability.suppressBelow()));
      }
      if (domain.isGrouped() && !whole) {
        long everyone = baseN.getOrDefault(new Key(reference, UNRESTRICTED_TOTAL, DomainDefinition.TOTAL_VALUE,
            key.category()), 0L);
        if (narrow(everyone - unrestricted)) {
          return Optional.of(new NarrowRestriction("the group's where", key.domain(), key.domainValue(),
              key.category(), reliability.suppressBelow()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The estimates of {@code request} to suppress, of those with a base ({@code baseN}, every estimate of
   * {@link #withReferences}): below the minimum, and within a breakdown by a variable the further groups that keep
   * the suppressed ones from being derived.
   */
  public Set<Key> suppressed(IndicatorCatalog request, Map<Key, Long> baseN) {
    IndicatorDefinition indicator = request.indicators().get(0);
    Set<Key> suppressed = new HashSet<>();
    // Per breakdown by a variable and category: its groups, whose base n add up to that of the whole restriction.
    Map<Key, List<Map.Entry<Key, Long>>> breakdowns = new HashMap<>();
    for (Map.Entry<Key, Long> estimate : baseN.entrySet()) {
      Key key = estimate.getKey();
      if (!key.indicatorId().equals(indicator.id()) || !indicator.domains().contains(key.domain())) {
        continue;
      }
      if (estimate.getValue() < reliability.suppressBelow()) {
        suppressed.add(key);
      }
      DomainDefinition domain = request.domains().get(key.domain());
      if (domain.variable() != null) {
        breakdowns.computeIfAbsent(new Key(key.indicatorId(), key.domain(), null, key.category()),
            k -> new ArrayList<>()).add(estimate);
      }
    }
    breakdowns.forEach((breakdown, groups) -> {
      long hidden = baseN.getOrDefault(new Key(breakdown.indicatorId(), whole(breakdown.domain()),
          DomainDefinition.TOTAL_VALUE, breakdown.category()), 0L);
      List<Map.Entry<Key, Long>> shown = new ArrayList<>();
      for (Map.Entry<Key, Long> group : groups) {
        if (suppressed.contains(group.getKey())) {
          continue;
        }
        hidden -= group.getValue();
        shown.add(group);
      }
      shown.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
      for (int i = 0; narrow(hidden) && i < shown.size(); i++) {
        suppressed.add(shown.get(i).getKey());
        hidden += shown.get(i).getValue();
      }
    });
    return suppressed;
  }

  /** Whether {@code key} is an estimate of the request rather than of its references. */
  public static boolean requested(IndicatorCatalog request, Key key) {
    IndicatorDefinition indicator = request.indicators().get(0);
    return key.indicatorId().equals(indicator.id()) && indicator.domains().contains(key.domain());
  }

  /** Between one respondent and fewer than the suppression minimum. */
  private boolean narrow(long respondents) {
    return respondents > 0 && respondents < reliability.suppressBelow();
  }

  private static String restrictions(DomainDefinition domain, IndicatorDefinition indicator) {
    List<String> conditions = new ArrayList<>();
    if (domain.where() != null) {
      conditions.add("where \"" + domain.where() + "\"");
    }
    if (indicator.base() != null) {
      conditions.add("base \"" + indicator.base() + "\"");
    }
    if (indicator.baseWhere() != null) {
      conditions.add("base_where \"" + indicator.baseWhere() + "\"");
    }
    return String.join(" with ", conditions);
  }

  private static String whole(String domain) {
    return WHOLE + domain;
  }

  private static String unrestricted(String domain) {
    return REFERENCE + "unrestricted " + domain;
  }

  private static String reference(String indicatorId) {
    return indicatorId + "_unrestricted";
  }
}

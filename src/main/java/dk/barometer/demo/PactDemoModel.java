package dk.barometer.demo;

import static dk.barometer.config.Checks.checkArgument;

import java.util.List;
import java.util.Map;

/** The pact demo's model ({@code conf/demo/pact.yaml}): partner cohorts and each year's upskilling. */
record PactDemoModel(int version, long seed, List<Cohort> cohorts, Map<Integer, Year> years) {
  PactDemoModel {
    cohorts = List.copyOf(cohorts);
    years = Map.copyOf(years);
  }

  /** Partners joining in {@code joined}, by kind; {@code productionFirms} of the firms are production firms. */
  record Cohort(int joined, int firms, int productionFirms, int education, int organisations) {
    Cohort {
      checkArgument(productionFirms <= firms, "conf/demo/pact.yaml: cohort %d has %d production firms among %d firms",
          joined, productionFirms, firms);
    }
  }

  /** A reporting year: people upskilled, the percent of them by form, and relative weights of target groups. */
  record Year(long people, Map<String, Integer> forms, Map<String, Integer> targetGroups) {
    Year {
      forms = Map.copyOf(forms);
      targetGroups = Map.copyOf(targetGroups);
    }
  }
}

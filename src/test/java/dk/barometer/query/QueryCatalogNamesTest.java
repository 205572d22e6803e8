package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a name of the zones reads: the relations registered with it when a statement names it. */
class QueryCatalogNamesTest {
  @Test
  void eachViewBringsTheRelationsItIsAViewOver() {
    assertThat(QueryCatalog.withSources("v_indicators")).containsExactlyInAnyOrder("v_indicators", "raw.indicators");
    assertThat(QueryCatalog.withSources("spark_catalog.Default.RUNS")).containsExactlyInAnyOrder("runs", "raw.runs");
    assertThat(QueryCatalog.withSources("raw.weights")).containsExactly("raw.weights");
    assertThat(QueryCatalog.withSources("microdata.weights")).containsExactlyInAnyOrder("microdata.weights",
        "raw.weights");
    assertThat(QueryCatalog.withSources("microdata.v_responses_employee_da")).containsExactlyInAnyOrder(
        "microdata.v_responses_employee_da", "microdata.responses_employee", "raw.responses_employee");
    assertThat(QueryCatalog.withSources("v_pact_barometer")).containsExactlyInAnyOrder("v_pact_barometer",
        "raw.pact_figures", "raw.indicators");
    assertThat(QueryCatalog.withSources("pact_figures")).containsExactlyInAnyOrder("pact_figures",
        "raw.pact_figures");
    assertThat(QueryCatalog.withSources("microdata.v_responses_employer")).containsExactlyInAnyOrder(
        "microdata.v_responses_employer", "microdata.responses_employer", "raw.responses_employer");
  }
}

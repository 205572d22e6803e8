package dk.barometer.warehouse;

/** The Delta tables of the warehouse; each is a directory of that name under the warehouse root. */
public enum Table {
  RESPONSES_EMPLOYER("responses_employer"),
  RESPONSES_EMPLOYEE("responses_employee"),
  WEIGHTS("weights"),
  /** Each respondent's bootstrap replicate weights beside the weight; written with the weights. */
  REPLICATE_WEIGHTS("replicate_weights"),
  WEIGHT_DIAGNOSTICS("weight_diagnostics"),
  INDICATORS("indicators"),
  /** Two domains of one wave compared on one indicator category (conf/comparisons.yaml); written with indicators. */
  COMPARISONS("comparisons"),
  /** Derived from every wave's indicators by the trends command; rewritten whole. */
  TRENDS("trends"),
  REJECTS("rejects"),
  RUNS("runs"),
  /** The AI competence pact's partners of each reporting year, as they reported; partitioned by year. */
  PACT_PARTNERS("pact_partners"),
  /** The partners' upskilling reports of each year (counts, not estimates); partitioned by year. */
  PACT_UPSKILLINGS("pact_upskillings"),
  /** The pact's headline figures of each year, with the change from the year before; partitioned by year. */
  PACT_FIGURES("pact_figures"),
  /** The rows of the pact's files rejected, with the reason; partitioned by year. For engineers. */
  PACT_REJECTS("pact_rejects"),
  /** Which run is writing each wave (one row per wave being run); see {@link WaveLease}. For engineers. */
  LEASES("leases");

  private final String tableName;

  Table(String tableName) {
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }

  public static Table responses(String survey) {
    return valueOf("RESPONSES_" + survey.toUpperCase(java.util.Locale.ROOT));
  }
}

package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.PactCodebook;
import dk.barometer.ingest.PactContract;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The pact's headline figures of one year: people upskilled and partners, in total and by breakdown, each with its
 * share of the figure's total. The change from the previous year is not stored: the published {@code pact_figures}
 * computes it when read from the two years' figures, so rerunning a year never leaves the next year's stale. The counts
 * are the partners' own totals, not survey estimates: no weights, no standard errors. Every figure comes from one
 * aggregation over the partners and reports, each row exploded into the breakdowns it counts in.
 *
 * <p>Partners of a year are those of the year's partners file that had joined by then; the production firms are
 * firms in an industry of {@code production_industries}. A breakdown value absent in a year has no row in it.
 */
public final class PactFigures {
  private final PactCodebook codebook;

  public PactFigures(PactCodebook codebook) {
    this.codebook = codebook;
  }

  /**
   * The figures of {@code year} from its valid partners and reports: year, figure, dimension, value, count, share.
   */
  public Dataset<Row> of(int year, Dataset<Row> partners, Dataset<Row> upskillings) {
    Dataset<Row> members = partners.where(col("joined_year").leq(year));
    Column production = col("kind").equalTo(PactCodebook.FIRM).and(col("industry")
        .isin(codebook.productionIndustries().toArray()));
    Dataset<Row> partnerCounts = members.select(lit(PactCodebook.PARTNERS).as("figure"), lit(1L).as("amount"),
        breakdowns(PactCodebook.PARTNERS, year, production));
    Dataset<Row> reports = upskillings.join(members.select(col(PactContract.PARTNER_ID), col("kind"),
        col("industry")), PactContract.PARTNER_ID);
    Dataset<Row> peopleCounts = reports.select(lit(PactCodebook.PEOPLE_UPSKILLED).as("figure"),
        col("people").as("amount"), breakdowns(PactCodebook.PEOPLE_UPSKILLED, year, production));
    Dataset<Row> counts = partnerCounts.unionByName(peopleCounts)
        .groupBy(col("figure"), col("by.dimension").as("dimension"), col("by.value").as("value"))
        .agg(sum(col("amount")).as("count"));
    // The figure's total over its few rows: the share's denominator (production firms: of all partners).
    Column total = max(when(col("dimension").equalTo(PactCodebook.TOTAL), col("count")))
        .over(Window.partitionBy(col("figure")));
    return counts.select(lit(year).as("year"), col("figure"), col("dimension"), col("value"), col("count"),
        col("count").divide(total).as("share"));
  }

  /**
   * A row exploded into the breakdowns of {@code figure} it counts in ({@link PactCodebook#BREAKDOWNS}): each a
   * (dimension, value) pair, the production firms only for a production firm.
   */
  private static Column breakdowns(String figure, int year, Column production) {
    Column[] pairs = PactCodebook.BREAKDOWNS.get(figure).stream().map(dimension -> switch (dimension) {
      case PactCodebook.TOTAL -> breakdown(dimension, lit(PactCodebook.ALL));
      case PactCodebook.PRODUCTION_FIRMS -> when(production, breakdown(dimension, lit(PactCodebook.ALL)));
      case PactCodebook.JOINED -> breakdown(dimension, when(col("joined_year").equalTo(year),
          lit(PactCodebook.JOINED_VALUES.get(0))).otherwise(lit(PactCodebook.JOINED_VALUES.get(1))));
      default -> breakdown(dimension, col(dimension));
    }).toArray(Column[]::new);
    return explode(array_compact(array(pairs))).as("by");
  }

  private static Column breakdown(String dimension, Column value) {
    return struct(lit(dimension).as("dimension"), value.as("value"));
  }
}

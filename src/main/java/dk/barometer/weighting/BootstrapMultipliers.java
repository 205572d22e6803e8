package dk.barometer.weighting;

import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import scala.Tuple3;

/**
 * The rescaled bootstrap of Rao, Wu and Yue within sampling strata. Replicate r draws m_h = n_h - 1 of the n_h
 * respondents of stratum h with replacement; a respondent drawn {@code count} times gets the multiplier
 * {@code 1 - lambda_h + lambda_h (n_h / m_h) count} with {@code lambda_h = sqrt(1 - f_h)}, f_h = n_h / N_h, so that
 * the variance over the replicates of a stratified total is the one with finite population correction that the
 * Taylor standard errors use. A stratum with one respondent, or one whose register units all responded (f_h = 1),
 * gets multiplier 1: it adds no variance, as in the Taylor variance.
 *
 * <p>The draws are a function of the seed alone ({@link DrawnMultipliers}): draw d of replicate r in stratum h picks the
 * respondent of rank {@code xxhash64(seed, r, h, d) mod n_h} (plus one) among the stratum's respondents in the
 * order of their ids, so the multipliers do not depend on how the rows are partitioned.
 */
public final class BootstrapMultipliers {
  /** The multipliers of a respondent, element r - 1 for replicate r. */
  public static final String MULTIPLIERS = "bootstrap_multipliers";
  private static final String RANK = "bootstrap_rank";

  private final int replicates;
  private final long seed;

  public BootstrapMultipliers(int replicates, long seed) {
    this.replicates = replicates;
    this.seed = seed;
  }

  public int replicates() {
    return replicates;
  }

  /** lambda_h = sqrt(1 - n_h / N_h), 0 for a stratum that cannot be resampled (one respondent, or a census). */
  static double lambda(long sampled, double population) {
    return sampled < 2 || sampled >= population ? 0 : Math.sqrt(1 - sampled / population);
  }

  /**
   * {@code rows} with {@link #MULTIPLIERS}: the rows of each stratum (column {@code stratum}) ranked by their unique
   * {@code id}; {@code sampled} has n_h, {@code stratumSizes} N_h of every stratum of the rows.
   */
  public Dataset<Row> add(Dataset<Row> rows, String stratum, String id, Map<String, Long> sampled,
                          Map<String, Double> stratumSizes) {
    List<Tuple3<String, Long, Double>> resampled = new ArrayList<>();
    sampled.forEach((h, n) -> {
      double lambda = lambda(n, stratumSizes.get(h));
      if (lambda > 0) {
        resampled.add(new Tuple3<>(h, n, lambda));
      }
    });
    Dataset<Row> drawn = DrawnMultipliers.of(rows.sparkSession(), resampled, replicates, seed, stratum, RANK,
        MULTIPLIERS);
    // A stratum that is not resampled has no draws: multiplier 1 in every replicate.
    Column multipliers = coalesce(col(MULTIPLIERS), array_repeat(lit(1.0), replicates));
    // Ranked on the ids alone and joined back on the id: the rows are wide, and a window over a handful of strata
    // sorts all of a stratum's rows in one task.
    Dataset<Row> byId = rows.select(col(stratum), col(id))
        .withColumn(RANK, row_number().over(Window.partitionBy(col(stratum)).orderBy(col(id))).cast("long"))
        // Spark sizes the generated rows by the few strata they come from, and would broadcast them: B doubles
        // per respondent, 1.6 GB at a million. A sort-merge join spills instead.
        .join(drawn.hint("merge"), seq(stratum, RANK), "left")
        .select(col(id), multipliers.as(MULTIPLIERS));
    List<Column> columns = new ArrayList<>();
    for (String name : rows.columns()) {
      columns.add(col(name));
    }
    columns.add(col(MULTIPLIERS));
    return rows.join(byId, seq(id), "left").select(columns.toArray(Column[]::new));
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toSeq();
  }
}

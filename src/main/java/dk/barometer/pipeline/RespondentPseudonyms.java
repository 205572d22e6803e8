package dk.barometer.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import dk.barometer.config.PseudonymKey;
import dk.barometer.ingest.ResponseContract;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The {@value #COLUMN} column of the microdata tables, beside {@code respondent_id}: the respondent's pseudonym under
 * the run's {@link PseudonymKey}, computed as the rows are written, so that no session that queries the tables
 * needs the key. The canonical text of a respondent is {@code <survey>:<id>}, the id as the integer it reads as
 * (no leading zeros, no decimals), so the ids of the two surveys never share a pseudonym and a panel member keeps
 * theirs from wave to wave while the key stays the same. A function rather than SQL's sha2 on the key's pads keeps
 * the key out of the query plans that the Spark UI and event logs show.
 */
final class RespondentPseudonyms {
  static final String COLUMN = "respondent_pseudonym";

  private final UserDefinedFunction pseudonym;

  RespondentPseudonyms(PseudonymKey key) {
    this.pseudonym = udf((UDF1<String, String>) key::pseudonym, DataTypes.StringType).withName(COLUMN);
  }

  /**
   * {@code rows} of {@code survey} with {@value #COLUMN} after {@code respondent_id}: the pseudonym of {@code id},
   * a bigint column, null where the id is null.
   */
  Dataset<Row> add(Dataset<Row> rows, String survey, Column id) {
    Column value = pseudonym.apply(concat(lit(survey + ":"), id.cast("string"))).as(COLUMN);
    List<Column> columns = new ArrayList<>();
    for (String c : rows.columns()) {
      columns.add(col(c));
      if (c.equals(ResponseContract.RESPONDENT_ID)) {
        columns.add(value);
      }
    }
    return rows.select(columns.toArray(Column[]::new));
  }
}

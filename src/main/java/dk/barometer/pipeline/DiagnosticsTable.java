package dk.barometer.pipeline;

import dk.barometer.weighting.WeightDiagnostics;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Rows of the {@code weight_diagnostics} table: one per survey and wave. */
public final class DiagnosticsTable {
  static final StructType SCHEMA = new StructType()
      .add("wave", DataTypes.IntegerType, false)
      .add("survey", DataTypes.StringType, false)
      .add("respondents", DataTypes.LongType, false)
      .add("iterations", DataTypes.IntegerType, false)
      .add("max_margin_gap", DataTypes.DoubleType, false)
      .add("min_weight", DataTypes.DoubleType, false)
      .add("median_weight", DataTypes.DoubleType, false)
      .add("max_weight", DataTypes.DoubleType, false)
      .add("ratio_max_min", DataTypes.DoubleType, false)
      .add("kish_deff", DataTypes.DoubleType, false)
      .add("effective_n", DataTypes.DoubleType, false)
      .add("trimming_rounds", DataTypes.IntegerType, false)
      .add("trimmed", DataTypes.LongType, false)
      .add("collapsed", DataTypes.createArrayType(DataTypes.StringType), false)
      .add("run_id", DataTypes.StringType, false);

  private DiagnosticsTable() {}

  public static Dataset<Row> rows(SparkSession spark, int wave, String runId, List<WeightDiagnostics> diagnostics) {
    List<Row> rows = diagnostics.stream().map(d -> RowFactory.create(wave, d.survey(), d.respondents(),
        d.iterations(), d.maxMarginGap(), d.minWeight(), d.medianWeight(), d.maxWeight(), d.ratioMaxMin(),
        d.kishDesignEffect(), d.effectiveSampleSize(), d.trimmingRounds(), d.trimmed(), d.collapsed(), runId))
        .toList();
    return spark.createDataFrame(rows, SCHEMA);
  }
}

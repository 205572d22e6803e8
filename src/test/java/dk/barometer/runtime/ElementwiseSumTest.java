package dk.barometer.runtime;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.testing.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;

/** Element-wise sums over groups, against sums by hand, across partitions (partial and final aggregation). */
class ElementwiseSumTest {
  private static final StructType SCHEMA = new StructType().add("g", DataTypes.StringType)
      .add("sums", DataTypes.createArrayType(DataTypes.DoubleType, false));

  private static Dataset<Row> rows(List<Row> rows) {
    SparkSession spark = TestSpark.spark();
    return spark.createDataFrame(rows, SCHEMA).repartition(3);
  }

  private static Row row(String group, double... sums) {
    return RowFactory.create(group, scala.jdk.javaapi.CollectionConverters.asScala(
        java.util.Arrays.stream(sums).boxed().toList()).toSeq());
  }

  @Test
  void sumsEachPositionPerGroup() {
    List<Row> sums = rows(List.of(row("a", 1, 2, 3), row("a", 10, 20, 30), row("b", 0.5, 0, 4),
        row("a", 100, 200, 300), row("b", 0.25, 1, 1e15)))
        .groupBy("g").agg(ElementwiseSum.of(TestSpark.spark()).apply(col("sums")).as("sums"))
        .orderBy("g").collectAsList();

    assertThat(sums).hasSize(2);
    assertThat(sums.get(0).getList(1)).containsExactly(111.0, 222.0, 333.0);
    assertThat(sums.get(1).getList(1)).containsExactly(0.75, 1.0, 1e15 + 4);
  }

  @Test
  void arraysOfDifferentLengthsAreAnError() {
    assertThatThrownBy(() -> rows(List.of(row("a", 1, 2), row("a", 1, 2, 3)))
        .groupBy("g").agg(ElementwiseSum.of(TestSpark.spark()).apply(col("sums"))).collectAsList())
        .satisfies(e -> assertThat(Throwables.getStackTrace(e)).containsPattern("arrays of [23] and [23] sums"));
  }
}

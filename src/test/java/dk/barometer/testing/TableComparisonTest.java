package dk.barometer.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class TableComparisonTest {
  private final SparkSession spark = TestSpark.spark();

  private Dataset<Row> table(String values) {
    return spark.sql("SELECT * FROM VALUES " + values + " AS t(domain, n, se, replicates)");
  }

  @Test
  void valuesEqualToTheirTolerancePassAndLargerDifferencesOrMissingRowsFail() {
    Dataset<Row> expected = table("('a', 1, 0.25, array(1.0D, 2.0D)), ('b', 2, 1e-14D, array(3.0D))");

    assertThatCode(() -> TableComparison.assertSameRows("t", table(
        "('b', 2, 4e-12D, array(3.0000000001D)), ('a', 1, 0.2500000001D, array(1.0D, 2.0D))"), expected, 1e-8))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> TableComparison.assertSameRows("t", table(
        "('a', 1, 0.2500001D, array(1.0D, 2.0D)), ('b', 2, 1e-14D, array(3.0D))"), expected, 1e-8))
        .hasMessageContaining("rows that differ").hasMessageContaining("0.2500001");
    assertThatThrownBy(() -> TableComparison.assertSameRows("t", table(
        "('a', 1, 0.25, array(1.0D, 2.0D, 3.0D)), ('b', 2, 1e-14D, array(3.0D))"), expected, 1e-8))
        .hasMessageContaining("rows that differ");
    assertThatThrownBy(() -> TableComparison.assertSameRows("t", table(
        "('a', 1, 0.25, array(1.0D, 2.0D)), ('c', 2, 1e-14D, array(3.0D))"), expected, 1e-8))
        .hasMessageContaining("rows that differ").hasMessageContaining("[b,2,null,ArraySeq(3.0),null,1.0E-14]");
  }
}

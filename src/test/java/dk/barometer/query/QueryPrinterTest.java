package dk.barometer.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class QueryPrinterTest {
  private final Dataset<Row> result = TestSpark.spark()
      .sql("SELECT * FROM VALUES ('a,b', 1.5), ('say \"hi\"', NULL) AS t(label, value)");

  private String print(QueryPrinter.Format format, int limit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new QueryPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(new DatasetResult(result), format, limit);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvQuotesFieldsWithCommasAndQuotes() {
    assertThat(print(QueryPrinter.Format.CSV, 10)).isEqualTo("label,value\n\"a,b\",1.5\n\"say \"\"hi\"\"\",\n");
  }

  @Test
  void jsonIsOneObjectPerLine() {
    assertThat(print(QueryPrinter.Format.JSON, 10).lines()).containsExactly("{\"label\":\"a,b\",\"value\":1.5}",
        "{\"label\":\"say \\\"hi\\\"\"}");
  }

  @Test
  void limitCapsCsvAndJsonToo() {
    assertThat(print(QueryPrinter.Format.CSV, 1)).isEqualTo("label,value\n\"a,b\",1.5\n");
    assertThat(print(QueryPrinter.Format.JSON, 1).lines()).containsExactly("{\"label\":\"a,b\",\"value\":1.5}");
  }

  @Test
  void csvAndJsonPrintEveryRowUnlessLimited() {
    assertThat(QueryPrinter.defaultLimit(QueryPrinter.Format.CSV)).isEqualTo(Integer.MAX_VALUE);
    assertThat(print(QueryPrinter.Format.JSON, QueryPrinter.defaultLimit(QueryPrinter.Format.JSON)).lines()).hasSize(2);
    assertThat(QueryPrinter.defaultLimit(QueryPrinter.Format.TABLE)).isEqualTo(1000);
  }

  @Test
  void tableAlignsColumnsAndSaysWhenRowsAreCut() {
    String table = print(QueryPrinter.Format.TABLE, 1);
    assertThat(table.lines().toList()).startsWith("label | value", "-------------", "a,b   | 1.5");
    assertThat(table).contains("first 1 rows");
    assertThat(print(QueryPrinter.Format.TABLE, 10)).endsWith("(2 rows)\n");
  }

  @Test
  void arraysAndMapsPrintPlainly() {
    Dataset<Row> nested = TestSpark.spark().sql("SELECT array('a', 'b') AS xs, map('k', 1) AS m, named_struct('x', 1, 'y', 'z') AS s");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new QueryPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(new DatasetResult(nested), QueryPrinter.Format.CSV, 10);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("xs,m,s\n\"[a, b]\",{k: 1},\"{1, z}\"\n");
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertThatThrownBy(() -> QueryPrinter.format("xml")).hasMessageContaining("table, csv or json");
  }
}

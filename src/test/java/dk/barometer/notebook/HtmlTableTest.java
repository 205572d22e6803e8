package dk.barometer.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.testing.TestSpark;
import org.junit.jupiter.api.Test;

class HtmlTableTest {
  @Test
  void escapesCellsCutsDecimalsToFourPlacesAndSaysWhenRowsAreLeftOut() {
    String html = HtmlTable.of(TestSpark.spark().sql("""
        SELECT * FROM VALUES ('<b>', 0.123456D, 27.6D, CAST(NULL AS INT)), ('x', 1D, 0.5D, 3) AS t(a, share, pct, n)
        ORDER BY a"""), 1);

    assertThat(html).contains("<th>a</th><th>share</th><th>pct</th><th>n</th>")
        .contains("<tr><td>&lt;b&gt;</td><td>0.1235</td><td>27.6</td><td></td></tr>")
        .doesNotContain("<td>x</td>").endsWith("<p>First 1 rows.</p>");
  }
}

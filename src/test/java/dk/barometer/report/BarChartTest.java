package dk.barometer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
  @Test
  void scalesBarsAndWhiskersToTheLargestUpperBoundRoundedUpToTenPoints() {
    // Largest upper bound 0.42 -> axis 0-50 %: 360 px for 0.5, so 0.25 -> 180 px, 0.10 -> 72 px, 0.42 -> 302.4 px,
    // right of the label column: 16 + 7 px x 13 characters ("Small & micro") = 107, at least 120.
    List<Bar> bars = List.of(new Bar("Small & micro", 0.25, 0.10, 0.42), new Bar("Large", 0.05, null, null));
    assertThat(BarChart.axisMax(bars)).isEqualTo(0.5);

    String svg = BarChart.svg("Uses AI", bars);
    assertThat(svg).startsWith("<svg").endsWith("</svg>")
        .contains("width=\"180.0\"", "<rect x=\"120\"", "M192.0 46.0H422.4", "25.0%", "Small &amp; micro", ">50%<")
        .contains("width=\"36.0\"") // 0.05 of 0.5 is 36 px, and no whisker:
        .containsOnlyOnce("<path");
  }

  @Test
  void coloursSeriesLabelsEachGroupOnceAndMarksBaseAndLowReliability() {
    List<Bar> bars = List.of(new Bar("Micro", "Employers", 0.40, 0.30, 0.50, 120L, ""),
        new Bar("Micro", "Employees", 0.20, 0.10, 0.30, 45L, "u"),
        new Bar("Large", "Employers", 0.10, null, null, 80L, ""));
    String svg = BarChart.svg("Barriers", bars, "note");
    // A legend row (20 px) moves the first bar to 34 + 20 = 54 (rect at +5 = 59), the second to 78 (83); a new
    // label starts a group 8 px further: 54 + 2 x 24 + 8 = 110 (115).
    assertThat(svg).contains(">Employers<", ">Employees<", "y=\"59.0\"", "y=\"83.0\"", "y=\"115.0\"")
        .containsOnlyOnce(">Micro<")
        .contains("fill=\"#e08a2c\" fill-opacity=\"0.45\"", "20.0% u  (n=45)", "40.0%  (n=120)", ">note<");
  }

  @Test
  void aLongLabelIsWrappedOntoLinesAndNeverCut() {
    String label = "Mangel på viden om, hvordan AI kan anvendes i virksomhedens samlede produktion og drift";
    String svg = BarChart.svg("Barrierer", List.of(new Bar(label, null, 0.3, 0.25, 0.35, 300L, "")), "note");
    assertThat(svg).contains(">Mangel på viden om, hvordan AI kan<", ">anvendes i virksomhedens samlede<",
        ">produktion og drift<").doesNotContain("\u2026");
  }
}

package dk.barometer.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowAccountTest {
  @Test
  void rowsInEqualToAcceptedPlusRejectedPassAndAreRecorded() {
    Map<String, Long> counts = new LinkedHashMap<>();
    new RowAccount("employer", 14, 8, 6).checked().addTo(counts);
    assertThat(counts).containsExactly(Map.entry("employer_rows_in", 14L), Map.entry("employer_accepted", 8L),
        Map.entry("employer_rejected", 6L));
  }

  @Test
  void aLostOrDuplicatedRowFailsTheRun() {
    // 14 read, 8 + 5 = 13 accounted for: one row lost between validation and weighting.
    assertThatThrownBy(() -> new RowAccount("employer", 14, 8, 5).checked())
        .isInstanceOf(BarometerException.class)
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CHECK_FAILED))
        .hasMessageContaining("employer: row accounting failed: 14 rows read, but 8 accepted + 5 rejected = 13");
    // A join that duplicates a row: 9 + 6 = 15.
    assertThatThrownBy(() -> new RowAccount("employer", 14, 9, 6).checked()).hasMessageContaining("= 15");
  }
}

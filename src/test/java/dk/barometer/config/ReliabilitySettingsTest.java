package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReliabilitySettingsTest {
  @Test
  void flagsFollowTheUnweightedBase() {
    ReliabilitySettings rule = ReliabilitySettings.DEFAULT; // suppress below 30, low below 50
    assertThat(rule.flag(29)).isEqualTo("suppressed");
    assertThat(rule.flag(30)).isEqualTo("low");
    assertThat(rule.flag(49)).isEqualTo("low");
    assertThat(rule.flag(50)).isEqualTo("ok");
  }

  @Test
  void thresholdsMustBeOrdered() {
    assertThatThrownBy(() -> new ReliabilitySettings(50, 30)).hasMessageContaining("suppress_below 50");
  }
}

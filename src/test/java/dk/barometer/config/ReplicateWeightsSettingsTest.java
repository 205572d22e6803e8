package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReplicateWeightsSettingsTest {
  @Test
  void theShippedConfigurationDrawsTwoHundredReplicates() {
    ReplicateWeightsSettings settings = BarometerConfig.load(TestSpark.confDir()).settings().replicateWeights();
    assertThat(settings.replicates()).isEqualTo(200);
    assertThat(settings.enabled()).isTrue();
  }

  @Test
  void oneReplicateHasNoVariance() {
    assertThatThrownBy(() -> new ReplicateWeightsSettings(1, 5))
        .isInstanceOf(BarometerException.class).hasMessageContaining("replicate_weights.replicates is 1");
    assertThat(new ReplicateWeightsSettings(0, 5).enabled()).isFalse();
  }

  @Test
  void replicateWeightsGoWithTrimming() throws IOException {
    Path conf = TestSpark.copyOfConf();
    Path file = conf.resolve("barometer.yaml");
    Files.writeString(file, Files.readString(file).replaceFirst("population: employees\n",
        "population: employees\n    trimming: {max_ratio_to_median: 4}\n"));
    Settings settings = BarometerConfig.load(conf).settings();
    assertThat(settings.replicateWeights().enabled()).isTrue();
    assertThat(settings.survey("employee").trimming().maxRatioToMedian()).isEqualTo(4);
  }
}

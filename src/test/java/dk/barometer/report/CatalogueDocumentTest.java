package dk.barometer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.BarometerConfig;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CatalogueDocumentTest {
  @Test
  void theCommittedCatalogueMatchesConf() throws IOException {
    String generated = new CatalogueDocument(BarometerConfig.load(TestSpark.confDir())).markdown();
    Path committed = TestSpark.confDir().getParent().resolve("docs/indicators.md");
    assertThat(Files.readString(committed))
        .as("docs/indicators.md is out of date: run 'jobs/barometer catalogue'").isEqualTo(generated);
    assertThat(generated).contains("### `any_barrier`: At least one barrier")
        .contains("- Success codes: 1 Slet ikke, 2 I ringe grad");
  }
}

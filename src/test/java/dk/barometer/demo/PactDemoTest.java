package dk.barometer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.BarometerConfig;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.PactContract;
import dk.barometer.testing.TableChecksum;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PactDemoTest {
  @Test
  void theSameModelWritesTheSameFiles() {
    PactDemo demo = PactDemo.load(BarometerConfig.load(TestSpark.confDir()));
    Path first = TestSpark.tempDir("pact-demo");
    Path second = TestSpark.tempDir("pact-demo");
    demo.write(TestSpark.spark(), first, 2026);
    demo.write(TestSpark.spark(), second, 2026);
    assertThat(PactDemo.generated(first, 2026)).isTrue();
    assertThat(PactDemo.generated(first, 2025)).isFalse();
    for (PactContract fileSet : PactContract.values()) {
      assertThat(checksum(second, fileSet)).as(fileSet.fileSet()).isEqualTo(checksum(first, fileSet));
    }
  }

  private static String checksum(Path root, PactContract fileSet) {
    return TableChecksum.of(TestSpark.spark().read().parquet(new InputLayout(root.toString()).pact(fileSet, 2026)));
  }
}

package dk.barometer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.testing.TestSpark;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkTest {
  @Test
  void sizesTakeThousandsAndMillions() {
    assertThat(BenchSizes.parse("3k, 100K,1m,2500")).containsExactly(3_000L, 100_000L, 1_000_000L, 2_500L);
    assertThatThrownBy(() -> BenchSizes.parse("3k,lots")).isInstanceOf(BarometerException.class)
        .hasMessageContaining("size 'lots'");
  }

  /** The job's Spark jobs are a fixed plan: twice the respondents must not start one job more. */
  @Test
  void sparkJobsAreTheSameAtTwoSizes() {
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    List<BenchResult> results = new Benchmark(TestSpark.spark(), config, TestSpark.tempDir("bench"))
        .run(List.of(1_500L, 3_000L), r -> {});

    assertThat(results.get(1).rows()).isGreaterThan(results.get(0).rows());
    assertThat(results.get(0).sparkJobs()).isPositive();
    assertThat(results.get(1).stages().stream().map(s -> s.name() + "=" + s.sparkJobs()).toList())
        .isEqualTo(results.get(0).stages().stream().map(s -> s.name() + "=" + s.sparkJobs()).toList());
  }
}

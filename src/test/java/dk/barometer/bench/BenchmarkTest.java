package dk.barometer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.runtime.StageTiming;
import dk.barometer.testing.TestSpark;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BenchmarkTest {
  @Test
  void sizesTakeThousandsAndMillions() {
    assertThat(BenchSizes.parse("3k, 100K,1m,2500")).containsExactly(3_000L, 100_000L, 1_000_000L, 2_500L);
    assertThatThrownBy(() -> BenchSizes.parse("3k,lots")).isInstanceOf(BarometerException.class)
        .hasMessageContaining("size 'lots'");
    // 2 x 10^19 employees overflows a long: refused, not wrapped round to 1.55 x 10^18.
    assertThatThrownBy(() -> BenchSizes.parse("20000000000000m")).isInstanceOf(BarometerException.class)
        .hasMessageContaining("size '20000000000000m'");
  }

  /**
   * The job's Spark jobs and input scans are a fixed plan: twice the respondents must not add one. Where R is installed
   * (CI installs it), each size is also estimated by R's survey package (--vs-r), which must agree to 1e-9. Both
   * layouts of the replicate weights (--layouts) hold the same weights: B rows per respondent in the long one, and
   * the same bootstrap SEs from either.
   */
  @Test
  void sparkJobsAreTheSameAtTwoSizesAndREstimatesAgree() {
    BarometerConfig config = BarometerConfig.load(TestSpark.confDir());
    RComparison vsR = rscriptOnPath()
        ? new RComparison(Path.of("src/test/r/bench_vs_r.R").toAbsolutePath()) : null;
    List<BenchResult> results = new Benchmark(TestSpark.spark(), config, TestSpark.tempDir("bench"), vsR,
        true).run(List.of(1_500L, 3_000L), r -> {});

    assertThat(results.get(1).rows()).isGreaterThan(results.get(0).rows());
    assertThat(results.get(0).sparkJobs()).isPositive();
    assertThat(results.get(0).inputScans()).isPositive();
    // The surveys run side by side, so the order their stages start in may differ between runs; the work may not.
    assertThat(results.get(1).stages().stream().map(BenchmarkTest::work).sorted().toList())
        .isEqualTo(results.get(0).stages().stream().map(BenchmarkTest::work).sorted().toList());
    int replicates = config.settings().replicateWeights().replicates();
    for (BenchResult r : results) {
      ReplicateLayouts.Result layouts = r.layouts();
      assertThat(layouts.array().rows()).isPositive();
      assertThat(layouts.longForm().rows()).isEqualTo(layouts.array().rows() * replicates);
      assertThat(layouts.maxSeDifference()).isLessThan(1e-12);
      assertThat(layouts.array().bytes()).isPositive();
      assertThat(BenchReport.layoutLine(r, layouts.longForm())).matches("size=\\d+ layout=long rows=\\d+ "
          + "write_seconds=[0-9.]+ mib=[0-9.]+ query_seconds=[0-9.]+ max_se_difference=\\S+");
    }
    Assumptions.assumeTrue(vsR != null, "Rscript is not on the PATH: the comparison with R is skipped");
    for (BenchResult r : results) {
      // 20 items, overall and in each of the 4 size classes.
      assertThat(r.vsR().estimates()).isEqualTo(100);
      assertThat(r.vsR().maxAbsDiff()).isLessThan(1e-9);
      // The stages that do R's work are named as the run names them.
      assertThat(BenchReport.statisticsLine(r)).startsWith("rows=" + r.vsR().rows() + " statistics_seconds=");
      assertThat(BenchReport.vsRLine(r)).matches("rows=\\d+ seconds=[0-9.]+ r_seconds=[0-9.]+ "
          + "ratio_vs_r=[0-9.]+ max_abs_diff=\\S+");
      // R's replicate work: the same 100 estimates, their bootstrap SEs from other draws within Monte Carlo error.
      assertThat(r.vsR().replicates().estimates()).isEqualTo(100);
      assertThat(r.vsR().replicates().maxAbsDiff()).isLessThan(1e-9);
      assertThat(r.vsR().replicates().medianSeRatio()).isBetween(0.85, 1.15);
      assertThat(BenchReport.replicateLine(r)).matches("rows=\\d+ replicate_seconds=[0-9.]+ r_seconds=[0-9.]+ "
          + "ratio_replicates_vs_r=[0-9.]+ .*");
    }
  }

  @Test
  void overlappingStagesCountOnce() {
    // 0-2 and 1-4 overlap (4 s covered), 6-7 stands alone (1 s), 6.5-6.8 lies inside it.
    List<StageTiming> stages = List.of(new StageTiming("a", 1, 3), new StageTiming("b", 0, 2),
        new StageTiming("c", 6, 1), new StageTiming("d", 6.5, 0.3));
    assertThat(Benchmark.covered(stages)).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void statisticsLineComparesRWithTheStagesThatDoItsWork() {
    // weight employee 1.5 + variance employee 2.0 + estimate 0.5 = 4.0 s of 10.0; R's 60.0 s are 15.0 times that.
    List<BenchResult.Stage> stages = List.of(new BenchResult.Stage("validate employee", 3.0, 5, 3),
        new BenchResult.Stage("weight employee", 1.5, 2, 1), new BenchResult.Stage("variance employee", 2.0, 10, 3),
        new BenchResult.Stage("weight employer", 0.7, 2, 1), new BenchResult.Stage("estimate", 0.5, 7, 3),
        new BenchResult.Stage("write indicators", 2.3, 2, 1), new BenchResult.Stage("replicate weights employee",
            3.0, 8, 2), new BenchResult.Stage("bootstrap employee", 1.0, 2, 1));
    BenchResult r = new BenchResult(1000, 1200, 1.0, 10.0, 1L << 30, stages, false,
        new RComparison.Result(1000, 60.0, 1e-13, 100, new RComparison.Replicates(80.0, 30.0, 50.0, 1e-12, 1.02,
            100)), null);
    assertThat(BenchReport.statisticsLine(r)).startsWith("rows=1000 statistics_seconds=4.0 r_seconds=60.0 "
        + "ratio_statistics_vs_r=15.0 (statistics: weight employee + variance employee + estimate;");
    assertThat(BenchReport.vsRLine(r)).startsWith("rows=1000 seconds=10.0 r_seconds=60.0 ratio_vs_r=6.0 ");
    // replicate weights employee 3.0 + bootstrap employee 1.0 = 4.0 s; R's 80.0 s are 20.0 times that.
    assertThat(BenchReport.replicateLine(r)).startsWith("rows=1000 replicate_seconds=4.0 r_seconds=80.0 "
        + "ratio_replicates_vs_r=20.0 r_calibrate_seconds=30.0 r_estimate_seconds=50.0 ");
    BenchResult withoutEstimate = new BenchResult(1000, 1200, 1.0, 10.0, 1L << 30, stages.subList(0, 4), false,
        r.vsR(), null);
    assertThatThrownBy(() -> BenchReport.statisticsLine(withoutEstimate)).hasMessageContaining("'estimate'");
  }

  private static String work(BenchResult.Stage s) {
    return s.name() + ": " + s.sparkJobs() + " jobs, " + s.inputScans() + " scans";
  }

  private static boolean rscriptOnPath() {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "Rscript")));
  }
}

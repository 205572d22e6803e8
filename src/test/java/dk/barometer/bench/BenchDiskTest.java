package dk.barometer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDiskTest {
  @Test
  void needsInputAndWarehousePerEmployeeAndRsExportWithVsR() {
    // 48 bytes of input and warehouse, 11 per replicate weight; 108 more with --vs-r; 23 per replicate with --layouts.
    assertThat(BenchDisk.bytesPerEmployee(0, false, false)).isEqualTo(48);
    assertThat(BenchDisk.bytesPerEmployee(200, false, false)).isEqualTo(48 + 2_200);
    assertThat(BenchDisk.bytesPerEmployee(200, true, true)).isEqualTo(48 + 2_200 + 108 + 4_600);
    // 3,000 + 1,000,000 employees.
    assertThat(BenchDisk.needed(List.of(3_000L, 1_000_000L), 2_248)).isEqualTo(1_003_000L * 2_248);
    assertThat(BenchDisk.needed(List.of(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2), 48)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aSizeThatCannotFitStopsBeforeAnythingIsWritten(@TempDir Path tmp) {
    Path out = tmp.resolve("not/yet/there");
    // 2000m typed for 2000k: 96 TB at 48 bytes each, more than any disk this runs on.
    BenchDisk disk = BenchDisk.of(out, List.of(2_000_000_000_000L), 48);
    assertThatThrownBy(disk::check).isInstanceOf(BarometerException.class)
        .hasMessageContaining("need about 96000.0 GB under " + out.toAbsolutePath())
        .hasMessageContaining("Choose smaller sizes")
        .extracting(e -> ((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.USAGE);
    assertThat(out).doesNotExist();
    BenchDisk.of(out, List.of(3_000L), BenchDisk.bytesPerEmployee(200, true, false)).check();
  }

  @Test
  void smallFiguresAreGivenInMegabytes(@TempDir Path tmp) {
    assertThatThrownBy(new BenchDisk(tmp, 5_000_000, 1_200_000, 48)::check)
        .hasMessageContaining("need about 5.0 MB under " + tmp).hasMessageContaining("and 1.2 MB is free there");
  }

  @Test
  void whatTheSizesDirectoriesHoldCountsAsFree(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("3000/input/employee"));
    Files.write(tmp.resolve("3000/input/employee/part.parquet"), new byte[1_000]);
    Files.createDirectories(tmp.resolve("3000/warehouse"));
    Files.write(tmp.resolve("3000/warehouse/part.parquet"), new byte[234]);
    Files.createDirectories(tmp.resolve("100000/input"));
    Files.write(tmp.resolve("100000/input/part.parquet"), new byte[5_000]);
    // Only the sizes benched again are replaced; a size twice in the list counts once.
    assertThat(BenchDisk.replaced(tmp, List.of(3_000L, 3_000L, 1_000_000L))).isEqualTo(1_234L);
  }
}

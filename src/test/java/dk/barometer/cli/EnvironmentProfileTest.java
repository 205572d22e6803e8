package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import dk.barometer.config.Environment;
import dk.barometer.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Environment profiles of conf/environments: --env selects one; command-line paths win over it. */
class EnvironmentProfileTest {
  private static final Path CONF = TestSpark.confDir();

  private static Args args(String... words) {
    return Args.parse("run", words, Set.of("wave", "input", "warehouse", "conf"), Set.of());
  }

  @Test
  void theClusterProfileNamesHadoopUrisAndSparkSettings() {
    Environment cluster = Environment.load(CONF, "cluster");
    assertThat(cluster.warehouse()).startsWith("s3a://");
    assertThat(cluster.input()).startsWith("s3a://");
    assertThat(cluster.spark()).containsKey("spark.hadoop.fs.s3a.aws.credentials.provider");

    Args selected = args("--env", "cluster", "--conf", CONF.toString());
    assertThat(Home.warehouse(selected)).isEqualTo("s3a://barometer-data/warehouse");
    assertThat(Home.input(selected, "run")).isEqualTo("s3a://barometer-data/input");
    assertThat(Home.sparkSettings(selected)).containsEntry("spark.sql.shuffle.partitions", "64");
  }

  @Test
  void commandLinePathsWinAndRelativeProfilePathsAreTakenFromTheInstallation() {
    Args explicit = args("--env", "cluster", "--conf", CONF.toString(), "--warehouse", "abfss://c@a.dfs.core"
        + ".windows.net/wh", "--input", "/data/in");
    assertThat(Home.warehouse(explicit)).isEqualTo("abfss://c@a.dfs.core.windows.net/wh");
    assertThat(Home.input(explicit, "run")).isEqualTo("/data/in");

    Args local = args("--env", "local", "--conf", CONF.toString());
    assertThat(Home.warehouse(local)).isEqualTo(Home.home().resolve("warehouse").toString());
    assertThat(Home.input(local, "run")).isEqualTo(Home.home().resolve("demo-data").toString());
  }

  @Test
  void anUnknownProfileOrKeyIsAConfigurationError() throws Exception {
    assertThatThrownBy(() -> Environment.load(CONF, "staging"))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.CONFIG))
        .hasMessageContaining("profiles: [cluster, local]");
    Path conf = TestSpark.copyOfConf();
    Files.writeString(conf.resolve("environments/typo.yaml"), "warehouse: /wh\nwarehose: /other\n");
    assertThatThrownBy(() -> Environment.load(conf, "typo")).hasMessageContaining("warehose");
  }

  @Test
  void withoutAProfileInputIsRequired() {
    assertThatThrownBy(() -> Home.input(args("--wave", "2025"), "run"))
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.USAGE))
        .hasMessageContaining("--input is required");
  }
}

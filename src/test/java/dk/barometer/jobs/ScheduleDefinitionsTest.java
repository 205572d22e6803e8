package dk.barometer.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scheduling definitions of jobs/schedule: each parses, and each runs one wave and then the trends, with the
 * trends only after the wave succeeded. (They are examples to adapt; this keeps them from rotting.)
 */
class ScheduleDefinitionsTest {
  private static final Path HOME = Path.of(System.getProperty("barometer.home", ".")).toAbsolutePath();
  private static final Path SCHEDULE = HOME.resolve("jobs/schedule");

  @Test
  void theAirflowDagIsPythonAndSubmitsTheWaveBeforeTheTrends() throws Exception {
    Path dag = SCHEDULE.resolve("barometer_dag.py");
    Path cache = Files.createDirectories(HOME.resolve("target/pycache"));
    ProcessBuilder compile = new ProcessBuilder("python3", "-m", "py_compile", dag.toString())
        .redirectErrorStream(true);
    compile.environment().put("PYTHONPYCACHEPREFIX", cache.toString());
    Process process;
    try {
      process = compile.start();
    } catch (IOException e) {
      assumeThat(false).as("python3 is not installed: %s", e.getMessage()).isTrue();
      return;
    }
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("py_compile: %s", output).isZero();

    String text = Files.readString(dag);
    assertThat(text).contains("SparkSubmitOperator(", "java_class=\"dk.barometer.cli.Main\"",
        "barometer-spark-submit.jar", "\"run\",", "\"--wave\"", "[\"trends\"", "run_wave >> trends");
  }

  @Test
  void theDatabricksJobIsJsonAndItsTrendsTaskDependsOnTheWave() throws IOException {
    JsonNode job = new ObjectMapper().readTree(SCHEDULE.resolve("databricks-job.json").toFile());
    assertThat(job.path("name").asText()).isNotBlank();
    JsonNode tasks = job.path("tasks");
    assertThat(tasks.size()).isEqualTo(2);
    JsonNode wave = tasks.get(0);
    JsonNode trends = tasks.get(1);
    assertThat(wave.path("task_key").asText()).isEqualTo("run_wave");
    assertThat(wave.at("/spark_jar_task/main_class_name").asText()).isEqualTo("dk.barometer.cli.Main");
    assertThat(parameters(wave)).startsWith("run", "--wave");
    assertThat(wave.at("/libraries/0/jar").asText()).endsWith("barometer-spark-submit.jar");
    assertThat(trends.at("/spark_jar_task/main_class_name").asText()).isEqualTo("dk.barometer.cli.Main");
    assertThat(parameters(trends)).startsWith("trends");
    assertThat(trends.at("/depends_on/0/task_key").asText()).isEqualTo("run_wave");
    assertThat(trends.path("run_if").asText()).isEqualTo("ALL_SUCCESS");
    assertThat(job.path("max_concurrent_runs").asInt()).isEqualTo(1);
  }

  @Test
  void theCronLineRunsTheWaveThenTheTrends() throws IOException {
    List<String> entries = Files.readAllLines(SCHEDULE.resolve("barometer.cron")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.matches("^[A-Z_]+=.*")).toList();
    assertThat(entries).hasSize(1);
    String[] fields = entries.get(0).split("\\s+", 6);
    // Five schedule fields (minute 0-59, hour 0-23, day 1-31, month 1-12, weekday) and the command.
    assertThat(fields).hasSize(6);
    assertThat(Integer.parseInt(fields[0])).isBetween(0, 59);
    assertThat(Integer.parseInt(fields[1])).isBetween(0, 23);
    assertThat(Integer.parseInt(fields[2])).isBetween(1, 31);
    assertThat(Integer.parseInt(fields[3])).isBetween(1, 12);
    String command = fields[5];
    assertThat(command).containsPattern("jobs/barometer run --wave .* && jobs/barometer trends");
    // cron reads an unescaped % as a newline.
    assertThat(command.replace("\\%", "")).doesNotContain("%");
  }

  private static List<String> parameters(JsonNode task) {
    return java.util.stream.StreamSupport.stream(task.at("/spark_jar_task/parameters").spliterator(), false)
        .map(JsonNode::asText).toList();
  }
}

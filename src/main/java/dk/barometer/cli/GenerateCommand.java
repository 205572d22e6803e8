package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.demo.DemoGenerator;
import dk.barometer.demo.DemoOptions;
import dk.barometer.demo.GeneratedWave;
import dk.barometer.runtime.SparkSessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code generate}: a synthetic demo wave as input-contract Parquet files. */
final class GenerateCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.GENERATE;
  }

  @Override
  public Set<String> options() {
    return Set.of("wave", "out", "seed", "employers", "employees", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    int wave = args.requiredWave();
    Path target = args.outputDirectory("out");
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    DemoGenerator generator = DemoGenerator.forWave(config, wave);
    DemoOptions defaults = generator.defaults();
    DemoOptions options = new DemoOptions(args.longOption("seed", defaults.seed()),
        args.longOption("employers", defaults.employers()), args.longOption("employees", defaults.employees()));
    SparkSession spark = SparkSessions.builder("barometer generate " + wave).getOrCreate();
    GeneratedWave generated = generator.write(spark, target.toAbsolutePath(), options);
    out.printf("Wrote wave %d to %s: %d employer and %d employee respondents; populations of %d firms and %d "
        + "employees.%n", wave, target, generated.employerRespondents(), generated.employeeRespondents(),
        generated.firmPopulation(), generated.employeePopulation());
  }
}

package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.ReportFigures;
import dk.barometer.config.Role;
import dk.barometer.report.Report;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code report}: a wave's report as a static HTML page. */
final class ReportCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.REPORT;
  }

  @Override
  public Set<String> options() {
    return Set.of("wave", "out", "warehouse", "conf", QueryableWarehouse.ROLE);
  }

  @Override
  public void run(Args args, PrintStream out) {
    int wave = args.requiredWave();
    Path dir = args.outputDirectory("out", Home.home().resolve("report").resolve(String.valueOf(wave)));
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    ReportFigures figures = ReportFigures.load(Home.conf(args), config.indicators());
    Role role = QueryableWarehouse.role(args, "report");
    SparkSession base = SparkSessions.builder("barometer report " + wave, Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = QueryableWarehouse.open(base, args);
    warehouse.read(Table.INDICATORS); // a warehouse without indicators fails here, saying to run a wave first
    SparkSession spark = QueryableWarehouse.session(base, args, role);
    Report.Written written = new Report(spark, figures, config.settings().reliability())
        .write(wave, warehouse.root(), dir);
    out.printf("Wrote the report of wave %d to %s: %d charts%s. Open it in a browser (it needs no network).%n", wave,
        written.index(), written.charts().size(), written.omitted().isEmpty() ? ""
            : ", no chart for " + String.join(", ", written.omitted()));
  }
}

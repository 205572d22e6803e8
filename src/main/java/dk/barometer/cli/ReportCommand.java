package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Publication;
import dk.barometer.config.ReportFigures;
import dk.barometer.config.Role;
import dk.barometer.report.HeadlessChromium;
import dk.barometer.report.Report;
import dk.barometer.report.ReportLanguage;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code report}: a wave's publication in Danish or English, as a static HTML page or a PDF. */
final class ReportCommand implements Command {
  private static final List<String> FORMATS = List.of("html", "pdf");

  @Override
  public String help() {
    return CommandHelp.REPORT;
  }

  @Override
  public Set<String> options() {
    return Set.of("wave", "out", "lang", "format", "warehouse", "conf", QueryableWarehouse.ROLE);
  }

  @Override
  public void run(Args args, PrintStream out) {
    int wave = args.requiredWave();
    String code = args.option("lang").orElse(ReportLanguage.DA.code());
    ReportLanguage language = ReportLanguage.of(code);
    if (language == null) {
      throw CommandErrors.notOneOf("report", "lang", code,
          Arrays.stream(ReportLanguage.values()).map(ReportLanguage::code).toList());
    }
    String format = args.option("format").orElse("html");
    if (!FORMATS.contains(format)) {
      throw CommandErrors.notOneOf("report", "format", format, FORMATS);
    }
    Path dir = args.outputDirectory("out",
        Home.home().resolve("report").resolve(String.valueOf(wave)).resolve(language.code()));
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    ReportFigures figures = ReportFigures.load(Home.conf(args), config.indicators());
    Publication publication = Publication.load(Home.conf(args), figures, config);
    Role role = QueryableWarehouse.role(args, "report");
    SparkSession base = SparkSessions.builder("barometer report " + wave, Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = QueryableWarehouse.open(base, args);
    warehouse.read(Table.INDICATORS); // a warehouse without indicators fails here, saying to run a wave first
    SparkSession spark = QueryableWarehouse.session(base, args, role);
    Report.Written written = new Report(spark, config, figures, publication)
        .write(wave, language, warehouse.root(), dir);
    Path result = written.index();
    if (format.equals("pdf")) {
      result = dir.resolve("barometer-" + wave + "-" + language.code() + ".pdf");
      HeadlessChromium.require().printPdf(written.index(), result);
    }
    out.printf("Wrote the %s report of wave %d to %s: %d charts%s.%s%n", language.code(), wave, result,
        written.charts().size(), written.omitted().isEmpty() ? ""
            : ", nothing yet to show for " + String.join(", ", written.omitted()),
        format.equals("pdf") ? "" : " Open it in a browser (it needs no network).");
  }
}

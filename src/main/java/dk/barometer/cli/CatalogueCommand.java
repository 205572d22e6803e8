package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.report.CatalogueDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code catalogue}: the indicator catalogue as markdown, from conf/. */
final class CatalogueCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.CATALOGUE;
  }

  @Override
  public Set<String> options() {
    return Set.of("out", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    Path target = Path.of(args.option("out").orElse(Home.home().resolve("docs/indicators.md").toString()));
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.writeString(target, new CatalogueDocument(config).markdown());
    } catch (IOException e) {
      throw CommandErrors.unwritable(target, e);
    }
    out.println("Wrote the indicator catalogue to " + target);
  }
}

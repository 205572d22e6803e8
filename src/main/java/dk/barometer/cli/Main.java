package dk.barometer.cli;

import dk.barometer.BarometerException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/** Entry point of {@code jobs/barometer}: one sub-command per yearly task. Exit codes: see {@link BarometerException.Kind}. */
public final class Main {
  private static final Map<String, Command> COMMANDS = Map.ofEntries(
      Map.entry("run", new RunCommand()),
      Map.entry("pact", new PactCommand()),
      Map.entry("generate", new GenerateCommand()),
      Map.entry("sql", new SqlCommand()),
      Map.entry("estimate", new EstimateCommand()),
      Map.entry("serve", new ServeCommand()),
      Map.entry("demo", new DemoCommand()),
      Map.entry("compare-published", new ComparePublishedCommand()),
      Map.entry("catalogue", new CatalogueCommand()),
      Map.entry("trends", new TrendsCommand()),
      Map.entry("report", new ReportCommand()),
      Map.entry("simulate", new SimulateCommand()),
      Map.entry("bench", new BenchCommand()));

  private Main() {}

  public static void main(String[] argv) {
    System.exit(run(argv, System.out, System.err));
  }

  /** Runs the command of {@code argv} as {@code jobs/barometer} does; returns its exit code. */
  public static int run(String[] argv, PrintStream out, PrintStream err) {
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
      out.print(CommandHelp.USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    String name = argv[0];
    String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
    try {
      Command command = COMMANDS.get(name);
      if (command == null) {
        throw CommandErrors.unknownCommand(name);
      }
      if (Arrays.asList(rest).contains("--help")) {
        out.print(command.help());
        return 0;
      }
      command.run(Args.parse(name, rest, command.options(), command.switches()), out);
      return 0;
    } catch (BarometerException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    }
  }
}

package dk.barometer.cli;

import java.io.PrintStream;
import java.util.Set;

/** One sub-command of {@code jobs/barometer}: its help, the options it takes and its work. */
interface Command {
  /** What {@code <command> --help} prints, its usage line first ({@link CommandHelp}). */
  String help();

  /** The options that take a value ({@code --name value}), besides the common {@code --env}. */
  Set<String> options();

  /** The options without a value ({@code --name}). */
  default Set<String> switches() {
    return Set.of();
  }

  /** Does the work; a fault the user can act on is a BarometerException, which {@link Main} turns to an exit code. */
  void run(Args args, PrintStream out);
}

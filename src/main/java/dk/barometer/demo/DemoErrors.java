package dk.barometer.demo;

import dk.barometer.BarometerException;
import dk.barometer.runtime.Causes;
import java.io.IOException;
import java.nio.file.Path;

/** Every failure of generating a demo wave, one factory method each. */
final class DemoErrors {
  private DemoErrors() {}

  static BarometerException noModel(int wave, Path file) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("There is no demo model for wave %d: "
        + "%s does not exist. Write one (start from the model of an earlier wave and fit it to the wave's "
        + "codebook).", wave, file));
  }

  static BarometerException noPactYear(int year, java.util.Collection<Integer> years) {
    return new BarometerException(BarometerException.Kind.CONFIG, String.format("conf/demo/pact.yaml has no year "
        + "%d; it has %s. Add the year under 'years' or choose one of those.", year, new java.util.TreeSet<>(years)));
  }

  static BarometerException notPositive(String option, long value) {
    return new BarometerException(BarometerException.Kind.USAGE, String.format("Demo option %s must be a positive "
        + "number, not %d; give one above 0.", option, value));
  }

  /** The file system refused the files: {@code fault} is its error, found in the cause chain of {@code failure}. */
  static BarometerException unwritable(Path dir, IOException fault, Exception failure) {
    return new BarometerException(BarometerException.Kind.WRITE, String.format("Cannot write the generated files to "
        + "%s: %s. Check that the directory is writable, or choose another --out.", dir, Causes.firstLine(fault)),
        failure);
  }

  /**
   * Generating the rows failed, not the file system: a fault of the generator or its model that the user cannot fix,
   * so not a BarometerException; the command ends as an unexpected error (exit 1) with the whole cause chain.
   */
  static IllegalStateException generationFailed(Path dir, Exception failure) {
    Throwable root = Causes.innermost(failure, Throwable.class).orElse(failure);
    return new IllegalStateException(String.format("Generating the demo files for %s failed: %s. This is a fault in "
        + "the demo generator or its model (conf/demo/): report it with the log.", dir, Causes.firstLine(root)),
        failure);
  }
}

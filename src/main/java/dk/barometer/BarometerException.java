package dk.barometer;

/**
 * A failure the user can act on: bad input, a weighting that cannot be done, a write that failed. The message
 * states the problem, its cause and the fix; {@link #exitCode()} tells schedulers which kind of failure it was.
 */
public class BarometerException extends RuntimeException {
  /** Exit codes of {@code jobs/barometer}; stable, documented in the README. */
  public enum Kind {
    USAGE(2), CONFIG(3), BAD_INPUT(4), WEIGHTING(5), WRITE(6), CHECK_FAILED(7);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;

  public BarometerException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public BarometerException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public int exitCode() {
    return kind.exitCode();
  }
}

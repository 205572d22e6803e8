package dk.barometer.demo;

/**
 * What to generate: the seed of every pseudo-random draw and the target numbers of respondents of the employer and
 * employee surveys. The same options always give the same files.
 */
public record DemoOptions(long seed, long employers, long employees) {
  /** The respondent counts of the 2025 report. */
  public static final long DEFAULT_EMPLOYERS = 1008;
  public static final long DEFAULT_EMPLOYEES = 2022;

  public DemoOptions {
    positive("seed", seed);
    positive("employers", employers);
    positive("employees", employees);
  }

  /** The report's respondent counts, drawn with {@code seed} (a demo model's: {@link DemoGenerator#defaults()}). */
  public static DemoOptions withSeed(long seed) {
    return new DemoOptions(seed, DEFAULT_EMPLOYERS, DEFAULT_EMPLOYEES);
  }

  /** The target number of respondents of {@code survey}. */
  public long respondents(String survey) {
    return switch (survey) {
      case GeneratedWave.EMPLOYER -> employers;
      case GeneratedWave.EMPLOYEE -> employees;
      default -> throw new IllegalArgumentException("The demo generates no survey '" + survey + "'");
    };
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw DemoErrors.notPositive(name, value);
    }
  }
}

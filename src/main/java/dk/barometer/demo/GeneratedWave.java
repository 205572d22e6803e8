package dk.barometer.demo;

/**
 * What {@link DemoGenerator#write} produced for one wave: the respondents written per survey and the sizes of the
 * synthetic populations the register margins were counted from.
 */
public record GeneratedWave(int wave, long employerRespondents, long employeeRespondents, long firmPopulation,
                            long employeePopulation) {
  static final String EMPLOYER = "employer";
  static final String EMPLOYEE = "employee";
}

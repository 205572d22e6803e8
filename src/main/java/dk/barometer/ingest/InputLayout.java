package dk.barometer.ingest;

/**
 * Where the input contract puts each file set under an input root (any Hadoop file system URI):
 * {@code <root>/<survey>/wave=<wave>/} for responses, {@code <root>/register/year=<year>/} for register margins, and
 * {@code <root>/pact/<file set>/year=<year>/} for the AI competence pact's partner reports ({@link PactContract}).
 */
public record InputLayout(String root) {
  public InputLayout {
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String responses(String survey, int wave) {
    return root + "/" + survey + "/wave=" + wave;
  }

  public String register(int year) {
    return root + "/register/year=" + year;
  }

  /** The directory of one of the pact's file sets ({@link PactContract#fileSet()}) for reporting year {@code year}. */
  public String pact(PactContract contract, int year) {
    return root + "/pact/" + contract.fileSet() + "/year=" + year;
  }
}

package dk.barometer.ingest;

/**
 * Where the input contract puts each file set under an input root (any Hadoop file system URI):
 * {@code <root>/<survey>/wave=<wave>/} for responses and {@code <root>/register/year=<year>/} for register margins.
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
}

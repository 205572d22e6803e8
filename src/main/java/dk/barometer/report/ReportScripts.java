package dk.barometer.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The browser builds of Vega, Vega-Lite and vega-embed, put on the class path by the build (src/main/js/vendor,
 * versions pinned in src/main/js/package-lock.json), to be inlined into the page so that it needs no network.
 */
final class ReportScripts {
  static final List<String> FILES = List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js");

  private ReportScripts() {}

  /** The three scripts in load order, each safe inside a {@code <script>} element. */
  static List<String> load() {
    return FILES.stream().map(ReportScripts::read).toList();
  }

  private static String read(String file) {
    try (InputStream in = ReportScripts.class.getResourceAsStream(file)) {
      if (in == null) {
        throw ReportErrors.scriptMissing(file);
      }
      // "</script" inside the code would end the inline element early; "<\/script" means the same to JavaScript.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw ReportErrors.scriptUnreadable(file, e);
    }
  }
}

package dk.barometer.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Chromium, headless, opening a page as a reader would: printed to PDF (A4, as the page's print style says), its
 * DOM after the scripts ran (virtual time lets them finish without waiting in real time), or a screenshot. Each call
 * gets a fresh profile, removed afterwards, and no background networking, so nothing but the page itself runs.
 * {@code BAROMETER_CHROMIUM} names the binary; otherwise Debian's and the usual places are tried.
 */
public final class HeadlessChromium {
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** What Chromium printed for one page: standard output (the DOM) and standard error (its log, console messages). */
  public record Output(String stdout, String stderr) {}

  /** Chromium if installed ({@code apt-get install chromium}). */
  public static Optional<HeadlessChromium> find() {
    return candidates().stream().map(Path::of).filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
  }

  /** Chromium, or an error saying how to install it. */
  public static HeadlessChromium require() {
    return find().orElseThrow(() -> ReportErrors.chromiumMissing(String.join(", ", candidates())));
  }

  private static List<String> candidates() {
    String configured = System.getenv("BAROMETER_CHROMIUM");
    return configured == null || configured.isBlank() ? CANDIDATES : List.of(configured);
  }

  /** The page printed to {@code pdf} once its scripts have run, without the browser's header and footer. */
  public Output printPdf(Path page, Path pdf) {
    Output output = run(page, List.of("--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer"));
    if (!Files.isRegularFile(pdf)) {
      throw ReportErrors.printFailed(pdf, "no file was written; its log: " + lastLine(output.stderr()), null);
    }
    return output;
  }

  /** The page's DOM once its scripts have run, with the browser's log (console messages included). */
  public Output dumpDom(Path page) {
    return run(page, List.of("--dump-dom"));
  }

  /** A PNG of the top {@code height} pixels of the page, {@code width} wide. */
  public Output screenshot(Path page, Path png, int width, int height) {
    return run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars"));
  }

  private Output run(Path page, List<String> action) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("barometer-chromium");
      List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr",
          "--v=0", "--virtual-time-budget=10000"));
      command.addAll(action);
      command.add(page.toAbsolutePath().toUri().toString());
      Path stdout = profile.resolve("stdout.txt");
      Path stderr = profile.resolve("stderr.txt");
      Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
          .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw ReportErrors.printFailed(page, "Chromium did not finish within " + TIMEOUT_SECONDS + " s", null);
      }
      return new Output(Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ReportErrors.printFailed(page, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ReportErrors.printFailed(page, "interrupted", e);
    } finally {
      delete(profile);
    }
  }

  private static String lastLine(String log) {
    List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "(empty)" : lines.get(lines.size() - 1);
  }

  /** The profile directory and everything in it; a file that cannot be removed stays in the temporary directory. */
  private static void delete(Path profile) {
    if (profile == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // Only a temporary profile: the system's temporary directory is cleared in time.
    }
  }
}

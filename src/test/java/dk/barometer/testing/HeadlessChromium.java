package dk.barometer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for tests that open a page as a reader would: the DOM after the page's scripts ran
 * (virtual time lets them finish without waiting in real time) and a screenshot. Each call gets a fresh profile
 * and no background networking, so nothing but the page itself runs.
 */
public final class HeadlessChromium {
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** Chromium if installed ({@code apt-get install chromium}; .ci/run installs it). */
  public static Optional<HeadlessChromium> find() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
  }

  /** What Chromium printed for one page: standard output (the DOM) and standard error (its log, console messages). */
  public record Output(String stdout, String stderr) {}

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
    Path profile = TestSpark.tempDir("chromium-profile");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=10000"));
    command.addAll(action);
    command.add(page.toAbsolutePath().toUri().toString());
    try {
      Path stdout = Files.createTempFile(profile, "stdout", ".txt");
      Path stderr = Files.createTempFile(profile, "stderr", ".txt");
      Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
          .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not finish within 120 s: " + command);
      }
      return new Output(Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package dk.barometer.notebook;

import java.util.function.BiConsumer;

/**
 * Where cells send rich output (HTML tables, SVG charts): to the notebook when the kernel runs them, else as the
 * markup on standard output. A static sink, because cells run in the kernel's JVM but cannot reach the kernel.
 */
public final class Display {
  private static BiConsumer<String, String> sink = (mimeType, content) -> System.out.println(content);

  private Display() {}

  /** Sends {@code content} of {@code mimeType} (e.g. {@code text/html}) to the notebook. */
  public static synchronized void show(String mimeType, String content) {
    sink.accept(mimeType, content);
  }

  static synchronized void sendTo(BiConsumer<String, String> notebook) {
    sink = notebook;
  }
}

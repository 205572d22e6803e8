package dk.barometer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes directory trees read-only for a test and writable again on {@link #close()}. Permission bits do not stop
 * root (CI containers often run as root), so as root the trees are made immutable with {@code chattr +i}, which
 * stops root too; {@link #effective()} says whether a write is really refused, so a test can skip where neither
 * works (e.g. a file system without the immutable attribute).
 */
public final class ReadOnlyFiles implements AutoCloseable {
  private final List<Path> roots;
  private final boolean root;

  private ReadOnlyFiles(List<Path> roots, boolean root) {
    this.roots = List.copyOf(roots);
    this.root = root;
  }

  public static ReadOnlyFiles of(List<Path> roots) {
    boolean root = "root".equals(System.getProperty("user.name"));
    ReadOnlyFiles files = new ReadOnlyFiles(roots, root);
    files.set(true);
    return files;
  }

  /** True when creating a file in the first tree fails, as it should. */
  public boolean effective() {
    Path probe = roots.get(0).resolve(".write-probe");
    try {
      Files.writeString(probe, "x");
      Files.delete(probe);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    set(false);
  }

  private void set(boolean readOnly) {
    for (Path tree : roots) {
      if (root) {
        chattr(readOnly ? "+i" : "-i", tree);
      } else {
        try (Stream<Path> paths = Files.walk(tree)) {
          paths.forEach(p -> p.toFile().setWritable(!readOnly));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static void chattr(String flag, Path tree) {
    try {
      new ProcessBuilder("chattr", "-R", flag, tree.toString()).inheritIO().start().waitFor();
    } catch (IOException e) {
      // No chattr: effective() reports that the tree is still writable.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

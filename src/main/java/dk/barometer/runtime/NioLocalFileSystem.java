package dk.barometer.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's checksummed local file system ({@code file:}) without its shell commands. Without Hadoop's native
 * library, which is not on Maven Central, the stock one starts a {@code chmod} process for every file and directory
 * it creates and a {@code readlink} for every rename through {@code FileContext} (each Delta commit): about 180
 * processes for a run of the demo wave, each forked from a JVM of several GiB. Here the permission is set and the
 * link read through {@code java.nio}, with the same results. Local mode selects it ({@code fs.file.impl}, and
 * {@link NioLocalFs} for {@code FileContext}).
 */
public final class NioLocalFileSystem extends LocalFileSystem {
  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (unchecksummed) file system underneath, also behind {@link NioLocalFs}. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) { // java.nio cannot set it
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(p).toPath(),
          PosixFilePermissions.fromString(permission.toString()));
    }

    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      // Not a link (or absent): its own status, what Hadoop returns after asking readlink.
      if (!Files.isSymbolicLink(pathToFile(f).toPath())) {
        return getFileStatus(f);
      }
      return super.getFileLinkStatus(f);
    }
  }
}

package dk.barometer.runtime;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.local.LocalConfigKeys;

/**
 * {@link NioLocalFileSystem} for Hadoop's {@code FileContext} ({@code fs.AbstractFileSystem.file.impl}), which Delta
 * commits through: as Hadoop's {@code LocalFs}, over the raw file system without shell commands, and with a rename
 * that refuses to replace a file atomically. Delta commits version N by renaming a temporary file to N.json without
 * overwriting; Hadoop checks that N.json is absent and then renames, which replaces a file another process created
 * in between, so two writers could both commit version N and one commit would be lost.
 */
public final class NioLocalFs extends ChecksumFs {
  public NioLocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(new Raw(conf));
  }

  /** As Hadoop's {@code RawLocalFs}, whose constructors are not public. */
  static final class Raw extends DelegateToFileSystem {
    private final NioLocalFileSystem.Raw files;

    Raw(Configuration conf) throws IOException, URISyntaxException {
      this(new NioLocalFileSystem.Raw(), conf);
    }

    private Raw(NioLocalFileSystem.Raw files, Configuration conf) throws IOException, URISyntaxException {
      super(FsConstants.LOCAL_FS_URI, files, conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
      this.files = files;
    }

    /**
     * A file renamed without overwriting is linked to its new name, which fails if that name exists, in one system
     * call, and then unlinked from the old one. Directories, overwriting renames, and file systems without hard links
     * rename as Hadoop does.
     */
    @Override
    public void renameInternal(Path src, Path dst, boolean overwrite) throws IOException {
      java.nio.file.Path from = files.pathToFile(src).toPath();
      java.nio.file.Path to = files.pathToFile(dst).toPath();
      if (overwrite || !Files.isRegularFile(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        super.renameInternal(src, dst, overwrite);
        return;
      }
      try {
        Files.createLink(to, from);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        throw new FileAlreadyExistsException("rename destination " + dst + " already exists.");
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("rename " + src + " to " + dst + ": " + e.getFile() + " does not exist");
      } catch (UnsupportedOperationException | FileSystemException e) { // no hard links here
        super.renameInternal(src, dst, overwrite);
        return;
      }
      Files.delete(from);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true; // any local file name
    }
  }
}

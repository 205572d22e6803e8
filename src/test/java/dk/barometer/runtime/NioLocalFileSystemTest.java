package dk.barometer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Shell;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class NioLocalFileSystemTest {
  private final SparkSession spark = TestSpark.spark();
  private final Configuration conf = spark.sparkContext().hadoopConfiguration();
  private final java.nio.file.Path dir = TestSpark.tempDir("niofs");

  /**
   * The processes Hadoop's shell commands started while {@code action} ran, from a Flight Recorder recording of
   * jdk.ProcessStart (Spark starts others of its own, once per JVM).
   */
  private List<String> processesStartedBy(IoAction action) throws Exception {
    java.nio.file.Path dump = dir.resolve("processes-" + System.nanoTime() + ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ProcessStart").withStackTrace();
      recording.start();
      action.run();
      recording.stop();
      recording.dump(dump);
    }
    return RecordingFile.readAllEvents(dump).stream()
        .filter(e -> e.getEventType().getName().equals("jdk.ProcessStart"))
        .filter(e -> e.getStackTrace().getFrames().stream()
            .anyMatch(f -> f.getMethod().getType().getName().equals(Shell.class.getName())))
        .map(e -> e.getString("command")).toList();
  }

  private interface IoAction {
    void run() throws Exception;
  }

  private String permissions(java.nio.file.Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void localSessionsUseItForFileSystemAndFileContext() throws Exception {
    assertThat(FileSystem.get(dir.toUri(), conf)).isInstanceOf(NioLocalFileSystem.class);
    assertThat(FileContext.getLocalFSFileContext(conf).getDefaultFileSystem()).isInstanceOf(NioLocalFs.class);
  }

  @Test
  void createsRenamesAndSetsPermissionsWithoutStartingAProcess() throws Exception {
    FileSystem fs = FileSystem.get(dir.toUri(), conf);
    FileContext files = FileContext.getLocalFSFileContext(conf);
    Path file = new Path(dir.toUri().toString(), "a.json");
    Path renamed = new Path(dir.toUri().toString(), "b.json");
    Path sub = new Path(dir.toUri().toString(), "sub");
    List<String> started = processesStartedBy(() -> {
      fs.create(file, false).close();
      fs.mkdirs(sub, new FsPermission((short) 0750));
      fs.setPermission(file, new FsPermission((short) 0640));
      files.rename(file, renamed); // as Delta's HDFSLogStore commits a version file
    });

    assertThat(started).isEmpty();
    assertThat(Files.exists(dir.resolve("a.json"))).isFalse();
    assertThat(permissions(dir.resolve("b.json"))).isEqualTo("rw-r-----");
    assertThat(permissions(dir.resolve("sub"))).isEqualTo("rwxr-x---");
    assertThat(Files.exists(dir.resolve(".b.json.crc"))).isTrue(); // still checksummed
  }

  @Test
  void aRenameThroughFileContextStillRefusesToReplaceAFile() throws Exception {
    FileSystem fs = FileSystem.get(dir.toUri(), conf);
    Path first = new Path(dir.toUri().toString(), "00000.json");
    Path second = new Path(dir.toUri().toString(), "tmp.json");
    fs.create(first, false).close();
    fs.create(second, false).close();

    assertThatThrownBy(() -> FileContext.getLocalFSFileContext(conf).rename(second, first, Options.Rename.NONE))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  /**
   * Writers racing to commit the same Delta version: each renames its own file to the one name, without overwriting,
   * at the same moment. Exactly one rename may succeed, and the file is the winner's; a check for the name followed
   * by a rename lets several succeed, each replacing the last.
   */
  @Test
  void ofRenamesRacingToOneNameWithoutOverwritingExactlyOneSucceeds() throws Exception {
    FileContext files = FileContext.getLocalFSFileContext(conf);
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int round = 0; round < 40; round++) {
        Path target = new Path(dir.toUri().toString(), String.format("%020d.json", round));
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<String>> renames = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String content = "writer " + w;
          java.nio.file.Path own = Files.writeString(dir.resolve("commit-" + round + "-" + w + ".tmp"), content);
          renames.add(pool.submit(() -> {
            start.await();
            try {
              files.rename(new Path(own.toUri()), target, Options.Rename.NONE);
              return content;
            } catch (FileAlreadyExistsException e) {
              return "refused";
            }
          }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> rename : renames) {
          outcomes.add(rename.get());
        }
        List<String> renamed = outcomes.stream().filter(o -> !o.equals("refused")).toList();
        assertThat(renamed).as("round %d", round).hasSize(1);
        assertThat(Files.readString(java.nio.file.Path.of(target.toUri()))).isEqualTo(renamed.get(0));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSymbolicLinkIsStillALink() throws Exception {
    java.nio.file.Path target = Files.writeString(dir.resolve("target.txt"), "x");
    java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
    FileSystem raw = ((NioLocalFileSystem) FileSystem.get(dir.toUri(), conf)).getRawFileSystem();

    // Hadoop's own finds links by path only, not by file: URI (it runs readlink on the URI's text).
    assertThat(raw.getFileLinkStatus(new Path(link.toString())).isSymlink()).isTrue();
    assertThat(raw.getFileLinkStatus(new Path(target.toString())).isSymlink()).isFalse();
  }

  @Test
  void aDeltaWriteStartsNoProcessWhereHadoopsOwnFileSystemStartsOnePerPermission() throws Exception {
    String table = dir.resolve("table").toUri().toString();
    List<String> delta = processesStartedBy(() -> spark.range(3).write().format("delta").save(table));
    RawLocalFileSystem stock = new RawLocalFileSystem();
    stock.initialize(dir.toUri(), new Configuration());
    Path file = new Path(Files.writeString(dir.resolve("stock.txt"), "x").toUri());
    List<String> hadoops = processesStartedBy(() -> stock.setPermission(file, new FsPermission((short) 0644)));

    assertThat(spark.read().format("delta").load(table).count()).isEqualTo(3);
    assertThat(delta).isEmpty();
    assertThat(hadoops).hasSize(1).allMatch(command -> command.startsWith("chmod"));
  }
}

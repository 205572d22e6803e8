package dk.barometer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.Role;
import dk.barometer.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ids of shared endpoint sessions: kept per endpoint and role, readable by their user alone, renewed on demand. */
class SharedSessionIdsTest {
  private static final String ENDPOINT = "sc://localhost:15002";

  @Test
  void anIdIsKeptPerEndpointAndRoleInFilesOfTheUserAlone() throws Exception {
    Path directory = TestSpark.tempDir("session-ids").resolve("ids");
    SharedSessionIds ids = new SharedSessionIds(directory);

    Optional<String> analyst = ids.id(ENDPOINT, Role.ANALYST);

    assertThat(analyst).isPresent();
    assertThat(ids.id(ENDPOINT, Role.ANALYST)).isEqualTo(analyst);
    assertThat(new SharedSessionIds(directory).id(ENDPOINT, Role.ANALYST)).as("another call").isEqualTo(analyst);
    assertThat(ids.id(ENDPOINT, Role.ENGINEER)).isPresent().isNotEqualTo(analyst);
    assertThat(ids.id("sc://localhost:15003", Role.ANALYST)).isPresent().isNotEqualTo(analyst);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    try (var files = Files.list(directory)) {
      assertThat(files).allMatch(f -> permissions(f).equals("rw-------"));
    }
  }

  @Test
  void aRenewedIdReplacesTheKeptOne() {
    SharedSessionIds ids = new SharedSessionIds(TestSpark.tempDir("session-ids").resolve("ids"));
    Optional<String> first = ids.id(ENDPOINT, Role.ANALYST);

    Optional<String> renewed = ids.renewed(ENDPOINT, Role.ANALYST);

    assertThat(renewed).isPresent().isNotEqualTo(first);
    assertThat(ids.id(ENDPOINT, Role.ANALYST)).isEqualTo(renewed);
  }

  @Test
  void aFileNotHoldingAnIdIsReplaced() throws Exception {
    Path directory = TestSpark.tempDir("session-ids").resolve("ids");
    SharedSessionIds ids = new SharedSessionIds(directory);
    ids.id(ENDPOINT, Role.ANALYST);
    try (var files = Files.list(directory)) {
      Files.writeString(files.findFirst().orElseThrow(), "not an id");
    }

    assertThat(ids.id(ENDPOINT, Role.ANALYST)).get().asString().matches("[0-9a-f-]{36}");
  }

  @Test
  void aDirectoryOpenToOthersIsNotUsed() throws Exception {
    Path directory = Files.createDirectories(TestSpark.tempDir("session-ids").resolve("ids"));
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThat(new SharedSessionIds(directory).id(ENDPOINT, Role.ANALYST)).isEmpty();
    try (var files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
  }

  private static String permissions(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

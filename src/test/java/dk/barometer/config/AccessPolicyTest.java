package dk.barometer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.barometer.BarometerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessPolicyTest {
  @TempDir
  Path dir;

  @Test
  void theShippedPolicyNamesEveryRole() {
    AccessPolicy policy = AccessPolicy.load(Path.of("conf"));
    assertThat(policy.tokens()).containsOnlyKeys(Role.values());
    assertThat(policy.zonesOf(Role.ANALYST)).containsExactly("published");
  }

  @Test
  void aRoleReadsTheRelationsOfItsZones() {
    AccessPolicy policy = new AccessPolicy(Map.of("published", List.of("v_indicators"), "microdata",
        List.of("microdata.weights")), Map.of(
        "analyst", new AccessPolicy.RoleAccess(List.of("published"), "env:A"),
        "researcher", new AccessPolicy.RoleAccess(List.of("published", "microdata"), "env:R"),
        "engineer", new AccessPolicy.RoleAccess(List.of("published", "microdata"), "file:/etc/e.token")), List.of());
    assertThat(policy.readable(Role.ANALYST)).containsExactly("v_indicators");
    assertThat(policy.readable(Role.RESEARCHER)).containsExactly("v_indicators", "microdata.weights");
    assertThat(policy.token(Role.ENGINEER)).isEqualTo(new TokenSource("file", "/etc/e.token"));
  }

  /** The three roles, the researcher's zones naming one the file does not define; more roles may follow. */
  private static final String ROLES = """
      zones: {published: [v_indicators]}
      roles:
        analyst: {zones: [published], token: "env:A"}
        researcher: {zones: [published, microdata], token: "env:R"}
        engineer: {zones: [published], token: "env:E"}
      """;

  @Test
  void anUnknownRoleOrZoneIsAConfigurationError() throws IOException {
    Files.writeString(dir.resolve(AccessPolicy.FILE), ROLES + "  auditor: {zones: [published], token: \"env:X\"}\n");
    assertThatThrownBy(() -> AccessPolicy.load(dir)).isInstanceOf(BarometerException.class)
        .hasMessageContaining("auditor").hasMessageContaining("analyst");
    Files.writeString(dir.resolve(AccessPolicy.FILE), ROLES);
    assertThatThrownBy(() -> AccessPolicy.load(dir)).isInstanceOf(BarometerException.class)
        .hasMessageContaining("researcher").hasMessageContaining("microdata");
  }

  @Test
  void aTokenIsKeptInAVariableOrAFileNeverInTheConfiguration() throws IOException {
    assertThatThrownBy(() -> TokenSource.parse("s3cr3t")).isInstanceOf(BarometerException.class)
        .hasMessageContaining("env:NAME or file:PATH");
    Path file = dir.resolve("analyst.token");
    Files.writeString(file, "  abc123\n");
    assertThat(new TokenSource("file", file.toString()).read()).contains("abc123");
    assertThat(new TokenSource("file", dir.resolve("absent").toString()).read()).isEmpty();
    assertThat(new TokenSource("env", "BAROMETER_NO_SUCH_VARIABLE").read()).isEmpty();
  }

  @Test
  void aRolesTokenSourceReadsAloneAsTheWholePolicyHasIt() throws IOException {
    for (Role role : Role.values()) {
      assertThat(AccessPolicy.tokenSource(Path.of("conf"), role))
          .isEqualTo(AccessPolicy.load(Path.of("conf")).token(role));
    }
    Files.writeString(dir.resolve(AccessPolicy.FILE), "zones: {published: [v_indicators]}\nroles: [analyst]\n");
    assertThatThrownBy(() -> AccessPolicy.tokenSource(dir, Role.ANALYST)).isInstanceOf(BarometerException.class)
        .hasMessageContaining(AccessPolicy.FILE);
  }
}

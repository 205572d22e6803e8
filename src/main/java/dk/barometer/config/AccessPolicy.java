package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code conf/access.yaml}: the zones of the warehouse (the relations each holds, by their name in SQL), the roles
 * with the zones each may read and where its token for {@code serve} is kept, and the settings a read-only session
 * may change.
 */
public record AccessPolicy(Map<String, List<String>> zones, Map<String, RoleAccess> roles, List<String> settable) {
  public static final String FILE = "access.yaml";

  /** One role's entry: its zones and its token's source ({@code env:NAME} or {@code file:PATH}). */
  public record RoleAccess(List<String> zones, String token) {
    public RoleAccess {
      zones = zones == null ? List.of() : List.copyOf(zones);
    }
  }

  public AccessPolicy {
    zones = zones == null ? Map.of() : Map.copyOf(zones);
    roles = roles == null ? Map.of() : Map.copyOf(roles);
    settable = settable == null ? List.of() : List.copyOf(settable);
    for (String id : roles.keySet()) {
      Role.of(id);
    }
    for (Role role : Role.values()) {
      checkArgument(roles.containsKey(role.id()), "%s has no entry for role '%s'; every role needs one", FILE,
          role.id());
    }
    for (Map.Entry<String, RoleAccess> entry : roles.entrySet()) {
      for (String zone : entry.getValue().zones()) {
        checkArgument(zones.containsKey(zone), "%s: role '%s' reads zone '%s', which is not among the zones %s",
            FILE, entry.getKey(), zone, zones.keySet());
      }
      TokenSource.parse(entry.getValue().token());
    }
  }

  public static AccessPolicy load(Path confDir) {
    return Yaml.read(confDir.resolve(FILE), AccessPolicy.class);
  }

  /**
   * Where {@code role}'s token is kept, read without binding the whole policy: the light client of {@code sql}
   * needs this one value and starts faster without the binder. A file it cannot read so is loaded in full, which
   * names the fault.
   */
  public static TokenSource tokenSource(Path confDir, Role role) {
    if (YamlTree.parse(confDir.resolve(FILE)) instanceof Map<?, ?> policy
        && policy.get("roles") instanceof Map<?, ?> roles && roles.get(role.id()) instanceof Map<?, ?> entry
        && entry.get("token") instanceof String token) {
      return TokenSource.parse(token);
    }
    return load(confDir).token(role);
  }

  /** The relations {@code role} may read: those of its zones. */
  public Set<String> readable(Role role) {
    Set<String> relations = new LinkedHashSet<>();
    for (String zone : roles.get(role.id()).zones()) {
      relations.addAll(zones.get(zone));
    }
    return relations;
  }

  /** The zones {@code role} may read, in the order of its entry. */
  public List<String> zonesOf(Role role) {
    return new ArrayList<>(roles.get(role.id()).zones());
  }

  public TokenSource token(Role role) {
    return TokenSource.parse(roles.get(role.id()).token());
  }

  /** The roles in order of trust, each with its token's source. */
  public Map<Role, TokenSource> tokens() {
    Map<Role, TokenSource> tokens = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      tokens.put(role, token(role));
    }
    return tokens;
  }
}

package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A classification variable (industry, region, size class, ...) and its allowed codes, in display order. */
public record Classification(Label label, List<CategoryCode> codes) {
  public Classification {
    checkArgument(codes != null && !codes.isEmpty(), "Classification '%s' has no codes", label);
    codes = List.copyOf(codes);
    Set<String> seen = new HashSet<>();
    for (CategoryCode c : codes) {
      checkArgument(seen.add(c.code()), "Classification '%s' lists code '%s' twice", label.en(), c.code());
    }
  }

  public List<String> codeValues() {
    return codes.stream().map(CategoryCode::code).toList();
  }
}

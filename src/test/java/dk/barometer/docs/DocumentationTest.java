package dk.barometer.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The documentation stands on its own: its relative links resolve, no text of the repository points at issue
 * numbers or at files outside the repository, and docs/domain.md lists the published figures of conf/published/
 * with the same values. Also the extraction of SQL examples that {@link DocumentedSqlTest} runs.
 */
class DocumentationTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern OUTSIDE_REFERENCE = Pattern.compile(
      "\\.\\./shared|BAROMETER\\.md|(?i:\\bissues? #?\\d+)|(?<![\\w&#/])#\\d{1,2}\\b|(?i:closing[ ]notes?)");
  private static final List<String> SCANNED = List.of("README.md", "docs", "conf", "src", "jobs", "notebooks",
      ".ci", "pom.xml");

  @Test
  void relativeLinksNameFilesAndHeadingsOfTheRepository() {
    Path root = Documents.root();
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : Documents.files()) {
      Matcher link = LINK.matcher(withoutCodeBlocks(Documents.read(file)));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
          continue; // https:, mailto:
        }
        checked++;
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          broken.add(Documents.name(file) + ": " + target + " (no such file in the repository)");
        } else if (hash >= 0 && resolved.toString().endsWith(".md")
            && !anchors(Documents.read(resolved)).contains(target.substring(hash + 1))) {
          broken.add(Documents.name(file) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(checked).as("relative links found").isGreaterThan(10);
    assertThat(broken).isEmpty();
  }

  @Test
  void noTextPointsAtIssueNumbersOrOutsideTheRepository() throws IOException {
    Path root = Documents.root();
    List<String> hits = new ArrayList<>();
    int scanned = 0;
    for (String top : SCANNED) {
      Path start = root.resolve(top);
      if (!Files.exists(start)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(start)) {
        files = walk.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().equals("package-lock.json")).sorted().toList();
      }
      for (Path file : files) {
        Optional<String> text = utf8(file);
        if (text.isEmpty()) {
          continue; // Parquet and other binary fixtures
        }
        scanned++;
        List<String> lines = text.get().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = OUTSIDE_REFERENCE.matcher(lines.get(i));
          if (m.find()) {
            hits.add(Documents.name(file) + ":" + (i + 1) + ": " + m.group());
          }
        }
      }
    }
    assertThat(scanned).as("text files scanned").isGreaterThan(100);
    assertThat(hits).isEmpty();
  }

  @Test
  void domainDocumentListsEveryPublishedFigureWithItsValue() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\| `([A-Za-z0-9_-]+)` \\|[^|]*\\| ([0-9.]+(?:-[0-9.]+)?) \\|");
    for (String line : Documents.read(Documents.root().resolve("docs/domain.md")).lines().toList()) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        documented.put(m.group(1), m.group(2));
      }
    }
    Map<String, String> published = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Documents.root().resolve("conf/published"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Map<String, Object> yaml = new Yaml().load(Documents.read(file));
        for (Object entry : (List<?>) yaml.get("figures")) {
          Map<?, ?> figure = (Map<?, ?>) entry;
          Object value = figure.get("value");
          String printed = value != null ? number(value) : ((List<?>) figure.get("range")).stream()
              .map(DocumentationTest::number).collect(Collectors.joining("-"));
          published.put((String) figure.get("ref"), printed);
        }
      }
    }
    assertThat(published).as("figures of conf/published").hasSizeGreaterThan(100);
    assertThat(documented).as("published figures in docs/domain.md").containsExactlyEntriesOf(published);
  }

  @Test
  void examplesAreSqlBlocksAndQuotedQueriesOfSqlCommands() {
    String markdown = """
        Text with `SELECT 0` inline.

        ```sql
        -- a comment; not a statement
        SELECT 1 AS one;
        SELECT ';' AS semicolon
        ```

        ```bash
        jobs/barometer demo
        jobs/barometer sql --format csv "SELECT 2
                                         FROM t"
        jobs/barometer sql -f report.sql
        ```

        ```text
        SELECT 3
        ```
        """;
    assertThat(Documents.examples("x.md", markdown)).extracting(Documents.Example::line,
        Documents.Example::statement, e -> e.sql().replaceAll("\\s+", " ")).containsExactly(
        tuple(4, 1, "SELECT 1 AS one"),
        tuple(4, 2, "SELECT ';' AS semicolon"),
        tuple(11, 1, "SELECT 2 FROM t"));
  }

  @Test
  void quotedQueriesAreSafeInTheShell() {
    for (Path file : Documents.files()) {
      assertThat(Documents.shellQueries(Documents.read(file))).as("queries in double quotes in %s: the shell "
          + "expands $, ` and \\ there", Documents.name(file)).noneMatch(q -> q.matches("(?s).*[$`\\\\].*"));
    }
  }

  private static String number(Object value) {
    return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
  }

  /** GitHub's anchors of the headings of {@code markdown}. */
  static Set<String> anchors(String markdown) {
    return withoutCodeBlocks(markdown).lines().filter(line -> line.matches("^#{1,6} .*"))
        .map(line -> line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
        .collect(Collectors.toSet());
  }

  private static String withoutCodeBlocks(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean inBlock = false;
    for (String line : markdown.lines().toList()) {
      if (line.strip().startsWith("```")) {
        inBlock = !inBlock;
      } else if (!inBlock) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static Optional<String> utf8(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dk.barometer.pipeline;

import static dk.barometer.testing.PactInputs.partner;
import static dk.barometer.testing.PactInputs.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.BarometerException;
import dk.barometer.config.BarometerConfig;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.PactContract;
import dk.barometer.ingest.PactReader;
import dk.barometer.testing.PactInputs;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TableChecksum;
import dk.barometer.testing.TestFiles;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.RunRecord;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PactRunTest {
  private static final List<Table> PACT_TABLES = List.of(Table.PACT_PARTNERS, Table.PACT_UPSKILLINGS,
      Table.PACT_FIGURES, Table.PACT_REJECTS);
  private final SparkSession spark = TestSpark.spark();
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());

  /**
   * Four partners of 2025 whose figures are counted by hand below: A a production firm (manufacturing), B a firm
   * that joined in 2025, C an education institution, D an organisation that joins only in 2026 (its 2025 report is
   * rejected).
   */
  private static final List<Row> PARTNERS_2025 = List.of(
      partner("A", "Alfa Industri", "firm", "BCDE", "large", 2024),
      partner("B", "Beta IT", "firm", "J", "small", 2025),
      partner("C", "Gamma Skole", "education", "P", "large", 2024),
      partner("D", "Delta Forening", "organisation", "M", "medium", 2026));
  private static final List<Row> REPORTS_2025 = List.of(
      report("A", 2025, "on_the_job", "own_employees", 100.0),
      report("A", 2025, "course", "own_employees", 50.0),
      report("B", 2025, "course", "own_employees", 30.0),
      report("C", 2025, "formal_education", "students", 200.0),
      report("D", 2025, "course", "members", 10.0));
  private static final List<Row> REPORTS_2026 = List.of(
      report("A", 2026, "on_the_job", "own_employees", 200.0),
      report("D", 2026, "course", "members", 40.0));

  private Warehouse warehouse() {
    return new Warehouse(spark, TestSpark.tempDir("pact-warehouse").toString());
  }

  private PactRun.Outcome run(Warehouse warehouse, int year, Path input) {
    return new PactRun(spark, config, warehouse).run(year, input.toString());
  }

  @Test
  void headlineFiguresAreTheCountsByHandWithTheChangeFromThePreviousYearAndARerunChangesNothing() {
    Warehouse warehouse = warehouse();
    Path input = PactInputs.of(2025, PARTNERS_2025, REPORTS_2025);
    PactInputs.write(input, PactContract.PARTNERS, 2026, PactInputs.PARTNERS, PARTNERS_2025.toArray(Row[]::new));
    PactInputs.write(input, PactContract.UPSKILLINGS, 2026, PactInputs.UPSKILLINGS, REPORTS_2026.toArray(Row[]::new));
    run(warehouse, 2025, input);
    RunRecord second = run(warehouse, 2026, input).record();

    // 2025: A 100 + 50, B 30, C 200 = 380 people; D joined in 2026, so neither it nor its report counts.
    Map<String, Row> y2025 = figures(warehouse, 2025);
    assertCount(y2025, "people_upskilled/total/all", 380, 1.0);
    assertCount(y2025, "people_upskilled/kind/firm", 180, 180.0 / 380);
    assertCount(y2025, "people_upskilled/kind/education", 200, 200.0 / 380);
    assertCount(y2025, "people_upskilled/industry/BCDE", 150, 150.0 / 380);
    assertCount(y2025, "people_upskilled/form/on_the_job", 100, 100.0 / 380);
    assertCount(y2025, "people_upskilled/form/course", 80, 80.0 / 380);
    assertCount(y2025, "people_upskilled/target_group/own_employees", 180, 180.0 / 380);
    assertCount(y2025, "people_upskilled/production_firms/all", 150, 150.0 / 380);
    assertCount(y2025, "partners/total/all", 3, 1.0);
    assertCount(y2025, "partners/kind/firm", 2, 2.0 / 3);
    assertCount(y2025, "partners/production_firms/all", 1, 1.0 / 3);
    assertCount(y2025, "partners/joined/in_year", 1, 1.0 / 3);
    assertThat(y2025).doesNotContainKey("partners/kind/organisation");
    assertThat(y2025.get("people_upskilled/total/all").isNullAt(y2025.get("people_upskilled/total/all")
        .fieldIndex("previous_count"))).as("no 2024 in the warehouse").isTrue();

    // 2026: A 200 on the job and D 40 on a course; four partners, D the new one.
    Map<String, Row> y2026 = figures(warehouse, 2026);
    assertCount(y2026, "people_upskilled/total/all", 240, 1.0);
    assertChange(y2026, "people_upskilled/total/all", 380, 240 - 380, 0.0);
    assertChange(y2026, "people_upskilled/form/on_the_job", 100, 100, 200.0 / 240 - 100.0 / 380);
    assertChange(y2026, "partners/total/all", 3, 1, 0.0);
    assertChange(y2026, "partners/production_firms/all", 1, 0, 1.0 / 4 - 1.0 / 3);
    assertThat(second.rowCounts()).containsEntry("pact_upskillings_rows_in", 2L)
        .containsEntry("pact_upskillings_accepted", 2L).containsEntry("pact_partners_accepted", 4L);
    assertThat(warehouse.read(Table.PACT_REJECTS).collectAsList()).singleElement().satisfies(r -> {
      assertThat(r.<String>getAs("partner_id")).isEqualTo("D");
      assertThat(r.<String>getAs("reason")).isEqualTo("a report for 2025, before the partner joined the pact in 2026");
    });

    Map<Table, String> tables = checksums(warehouse);
    run(warehouse, 2025, input);
    assertThat(checksums(warehouse)).as("the tables after 2025 is run again").isEqualTo(tables);
    assertThat(warehouse.read(Table.RUNS).where("status = 'succeeded'").count()).isEqualTo(3);
  }

  @Test
  void rerunningAYearChangesTheNextYearsChangeWithIt() {
    Warehouse warehouse = warehouse();
    Path input = PactInputs.of(2025, PARTNERS_2025, REPORTS_2025);
    PactInputs.write(input, PactContract.PARTNERS, 2026, PactInputs.PARTNERS, PARTNERS_2025.toArray(Row[]::new));
    PactInputs.write(input, PactContract.UPSKILLINGS, 2026, PactInputs.UPSKILLINGS, REPORTS_2026.toArray(Row[]::new));
    run(warehouse, 2025, input);
    run(warehouse, 2026, input);
    Map<String, Row> before = figures(warehouse, 2026);
    assertChange(before, "people_upskilled/total/all", 380, 240 - 380, 0.0);
    assertChange(before, "people_upskilled/form/course", 80, 40 - 80, 1.0 / 6 - 80.0 / 380);

    // 2025 delivered again with other counts: A 100 on the job only, C 20; B none. 2026 is not run again.
    run(warehouse, 2025, PactInputs.of(2025, PARTNERS_2025, List.of(
        report("A", 2025, "on_the_job", "own_employees", 100.0),
        report("C", 2025, "formal_education", "students", 20.0))));
    Map<String, Row> y2026 = figures(warehouse, 2026);
    // 2025 now 120 people, 100 of them on the job; 2026 still 240, 200 on the job.
    assertChange(y2026, "people_upskilled/total/all", 120, 240 - 120, 0.0);
    assertChange(y2026, "people_upskilled/form/on_the_job", 100, 100, 200.0 / 240 - 100.0 / 120);
    // D's 40 on a course in 2026 had 80 on a course before it; the new 2025 has none, so no change.
    Row course = y2026.get("people_upskilled/form/course");
    assertThat(course.isNullAt(course.fieldIndex("previous_count"))).as("no course in the new 2025").isTrue();
    assertThat(course.isNullAt(course.fieldIndex("change_count"))).isTrue();
  }

  @Test
  void rowFaultsGoToTheRejectsWithTheirReasonAndEveryRowIsAccountedFor() {
    Warehouse warehouse = warehouse();
    Path input = PactInputs.of(2025, List.of(
        partner("P1", "Good Firm", "firm", "J", "small", 2024),
        partner("P2", "Twice", "firm", "J", "small", 2024),
        partner("P2", "Twice again", "firm", "J", "small", 2024),
        partner("P3", "Startup", "startup", "J", "small", 2024),
        partner("P4", " ", "firm", "J", "small", 2024),
        partner("P5", "Unknown Industry", "firm", "ZZ", "small", 2024),
        partner(null, "No Id", "firm", "J", "small", 2024)), List.of(
        report("P1", 2025, "on_the_job", "own_employees", 10.0),
        report("P1", 2025, "course", "own_employees", 2.5),
        report("P1", 2025, "self_study", "own_employees", -3.0),
        report("P1", 2025, "formal_education", "own_employees", null),
        report("P1", 2025, "course", "members", 4.0),
        report("P1", 2025, "course", "members", 5.0),
        report("P1", 2024, "course", "students", 1.0),
        report("P1", 2025, "webinar", "students", 1.0),
        report("P1", 2025, "course", "aliens", 1.0),
        report("P9", 2025, "course", "own_employees", 1.0),
        report("P2", 2025, "course", "own_employees", 1.0)));
    RunRecord record = run(warehouse, 2025, input).record();

    assertThat(record.rowCounts()).containsEntry("pact_partners_rows_in", 7L)
        .containsEntry("pact_partners_accepted", 1L).containsEntry("pact_partners_rejected", 6L)
        .containsEntry("pact_upskillings_rows_in", 11L).containsEntry("pact_upskillings_accepted", 1L)
        .containsEntry("pact_upskillings_rejected", 10L);
    List<Row> rejects = warehouse.read(Table.PACT_REJECTS).orderBy("file_set", "partner_id", "column", "value")
        .select("file_set", "partner_id", "column", "value", "reason").collectAsList();
    assertThat(rejects).extracting(r -> r.getString(0), r -> r.getString(1), r -> r.getString(2),
        r -> r.getString(4).replaceAll("[;:(].*", "")).contains(
        tuple("partners", null, "partner_id", "missing partner id"),
        tuple("partners", "P2", "partner_id", "duplicate partner id"),
        tuple("partners", "P3", "kind", "unknown kind code"),
        tuple("partners", "P4", "name", "missing partner name"),
        tuple("partners", "P5", "industry", "unknown industry code"),
        tuple("upskillings", "P1", "people", "number of people upskilled is not a whole number"),
        tuple("upskillings", "P1", "people", "negative number of people upskilled"),
        tuple("upskillings", "P1", "people", "missing number of people upskilled"),
        tuple("upskillings", "P1", "form", "duplicate report"),
        tuple("upskillings", "P1", "year", "year mismatch"),
        tuple("upskillings", "P1", "form", "unknown form code"),
        tuple("upskillings", "P1", "target_group", "unknown target_group code"),
        tuple("upskillings", "P9", "partner_id", "unknown partner"),
        tuple("upskillings", "P2", "partner_id", "the partner's own row is rejected in the partners of 2025"));
    assertThat(warehouse.read(Table.PACT_UPSKILLINGS).collectAsList()).singleElement()
        .satisfies(r -> assertThat(r.<Long>getAs("people")).isEqualTo(10L));
  }

  @Test
  void aFileFaultStopsTheRunAndWritesNothing() {
    Warehouse warehouse = warehouse();
    run(warehouse, 2025, PactInputs.of(2025, PARTNERS_2025, REPORTS_2025));
    Map<Table, String> before = checksums(warehouse);

    Path mistyped = PactInputs.of(2025, PARTNERS_2025, REPORTS_2025);
    StructType textPeople = dropLast(PactInputs.UPSKILLINGS).add("people", DataTypes.StringType);
    PactInputs.write(mistyped, PactContract.UPSKILLINGS, 2025, textPeople,
        RowFactory.create("A", 2025, "course", "own_employees", "12"));
    assertBadInput(() -> run(warehouse, 2025, mistyped), "column 'people' has type string", "numeric", ".parquet");

    assertThat(checksums(warehouse)).as("the tables after the failed run").isEqualTo(before);
    assertThat(warehouse.read(Table.RUNS).where("status = 'failed'").count()).isEqualTo(1);
  }

  /** The file faults a run meets first, as its reader meets them: each names the file and what to do. */
  @Test
  void fileFaultsNameTheFileAndTheFix() {
    Path missing = PactInputs.of(2025, PARTNERS_2025, REPORTS_2025);
    String reports = new InputLayout(missing.toString()).pact(PactContract.UPSKILLINGS, 2025);
    TestFiles.deleteTree(Path.of(reports));
    assertBadInput(() -> read(PactContract.UPSKILLINGS, reports), "pact upskillings of 2025", "does not exist",
        "--input");

    Path withoutColumn = PactInputs.of(2025, PARTNERS_2025, REPORTS_2025);
    PactInputs.write(withoutColumn, PactContract.UPSKILLINGS, 2025, dropLast(PactInputs.UPSKILLINGS),
        RowFactory.create("A", 2025, "course", "own_employees"));
    assertBadInput(() -> read(PactContract.UPSKILLINGS, new InputLayout(withoutColumn.toString())
        .pact(PactContract.UPSKILLINGS, 2025)), "missing column(s) [people]", ".parquet");

    Path notParquet = PactInputs.of(2025, PARTNERS_2025, REPORTS_2025);
    String partners = new InputLayout(notParquet.toString()).pact(PactContract.PARTNERS, 2025);
    TestFiles.writeString(Path.of(partners).resolve("partners.csv"), "partner_id,name\n");
    assertBadInput(() -> read(PactContract.PARTNERS, partners), "partners.csv", "not a .parquet file", "Remove it");
  }

  @Test
  void theDemoYearsReproduceTheTalksFigures() {
    Warehouse warehouse = warehouse();
    Path input = PactInputs.demo(2025, 2026);
    run(warehouse, 2025, input);
    run(warehouse, 2026, input);
    spark.read().format("delta").load(warehouse.path(Table.PACT_UPSKILLINGS)).createOrReplaceTempView("pact_u");
    spark.read().format("delta").load(warehouse.path(Table.PACT_PARTNERS)).createOrReplaceTempView("pact_p");
    Row talk = spark.sql("SELECT (SELECT sum(people) FROM pact_u WHERE year = 2025), "
        + "(SELECT count(*) FROM pact_p WHERE year = 2025 AND joined_year <= 2025)").first();
    assertThat(talk.getLong(0)).isEqualTo(314_000L);
    assertThat(talk.getLong(1)).isGreaterThanOrEqualTo(70L);
    Map<String, Row> y2026 = figures(warehouse, 2026);
    assertThat(y2026.get("partners/production_firms/all").<Long>getAs("change_count"))
        .as("more production firms in 2026").isPositive();
    assertThat(y2026.get("people_upskilled/form/on_the_job").<Double>getAs("change_share"))
        .as("more of the upskilling on the job in 2026").isPositive();
    spark.catalog().dropTempView("pact_u");
    spark.catalog().dropTempView("pact_p");
  }

  private void read(PactContract fileSet, String dir) {
    new PactReader(spark).read(fileSet, 2025, dir);
  }

  private static void assertBadInput(ThrowingCallable call, String... message) {
    assertThatThrownBy(call).isInstanceOf(BarometerException.class)
        .satisfies(e -> assertThat(((BarometerException) e).kind()).isEqualTo(BarometerException.Kind.BAD_INPUT))
        .message().contains(message);
  }

  private static StructType dropLast(StructType schema) {
    StructType kept = new StructType();
    for (int i = 0; i < schema.fields().length - 1; i++) {
      kept = kept.add(schema.fields()[i]);
    }
    return kept;
  }

  private static Map<Table, String> checksums(Warehouse warehouse) {
    Map<Table, String> sums = new EnumMap<>(Table.class);
    PACT_TABLES.forEach(t -> sums.put(t, TableChecksum.of(warehouse.read(t), "run_id")));
    return sums;
  }

  /**
   * The year's figures by figure/dimension/value (a handful of rows) as the published zone shows them: with the
   * change from the year before, computed when read.
   */
  private static Map<String, Row> figures(Warehouse warehouse, int year) {
    QueryZones.register(warehouse);
    try {
      return TestSpark.spark().table(Table.PACT_FIGURES.tableName()).where("year = " + year).collectAsList().stream()
          .collect(Collectors.toMap(r -> r.getAs("figure") + "/" + r.getAs("dimension") + "/" + r.getAs("value"),
              r -> r));
    } finally {
      QueryZones.drop();
    }
  }

  private static void assertCount(Map<String, Row> figures, String key, long count, double share) {
    assertThat(figures).containsKey(key);
    assertThat(figures.get(key).<Long>getAs("count")).as(key).isEqualTo(count);
    assertThat(figures.get(key).<Double>getAs("share")).as("share of " + key).isCloseTo(share, within(1e-12));
  }

  private static void assertChange(Map<String, Row> figures, String key, long previous, long change,
                                   double shareChange) {
    Row row = figures.get(key);
    assertThat(row).as(key).isNotNull();
    assertThat(row.<Integer>getAs("previous_year")).isEqualTo(2025);
    assertThat(row.<Long>getAs("previous_count")).as("previous " + key).isEqualTo(previous);
    assertThat(row.<Long>getAs("change_count")).as("change of " + key).isEqualTo(change);
    assertThat(row.<Double>getAs("change_share")).as("share change of " + key).isCloseTo(shareChange, within(1e-12));
  }
}

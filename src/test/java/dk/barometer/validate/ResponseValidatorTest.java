package dk.barometer.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Question;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.ResponseReader;
import dk.barometer.testing.TestSpark;
import dk.barometer.testing.WaveFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Row faults as the validator finds them in files read by the real reader: one fault, one reason. */
class ResponseValidatorTest {
  private static final int WAVE = 2025;
  private static final List<String> FIRM = List.of("J", "1084", "micro", "private");
  private final SparkSession spark = TestSpark.spark();
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());

  @Test
  void aRejectedAnswerThatRoutesOthersIsTheRowsOnlyFault() {
    List<Question> routed = config.codebook(WAVE).survey("employer").questions().stream()
        .filter(q -> q.routingColumns().contains("ai_maturity")).toList();
    assertThat(routed).as("questions routed on ai_maturity").hasSize(19);
    Map<String, Integer> answers = new HashMap<>();
    routed.forEach(q -> answers.put(q.id(), 3));
    // Firm 1's maturity is delivered as 2.5 and firm 2's as 7: neither is a code, so neither can say whether the
    // 19 routed questions were asked. Firm 3 is an observer (1), who is not asked them: answering them is a fault.
    WaveFixture fixture = new WaveFixture(spark, config, WAVE).respondent("employer", 1, FIRM, answers)
        .respondent("employer", 2, FIRM, answers).respondent("employer", 3, FIRM, answers);
    Path input = TestSpark.tempDir("validator");
    fixture.responses("employer").withColumn("ai_maturity", when(col("respondent_id").equalTo(1), 2.5)
            .when(col("respondent_id").equalTo(2), 7.0).otherwise(1.0))
        .coalesce(1).write().parquet(new InputLayout(input.toString()).responses("employer", WAVE));

    ResponseValidator validator = new ResponseValidator(fixture.contract("employer"));
    ValidatedResponses validated = validator.validate(new ResponseReader(spark, fixture.contract("employer"))
        .read(new InputLayout(input.toString()).responses("employer", WAVE)));
    List<String> faults = validated.rejects().orderBy("respondent_id", "column")
        .select(concat_ws("|", col("respondent_id"), col("column"), col("value"), col("reason")))
        .as(Encoders.STRING()).collectAsList();

    assertThat(faults.stream().filter(f -> f.startsWith("1|"))).containsExactly(
        "1|ai_maturity|2.5|value is not an integer answer code");
    assertThat(faults.stream().filter(f -> f.startsWith("2|"))).singleElement()
        .satisfies(f -> assertThat(f).startsWith("2|ai_maturity|7.0|unknown answer code"));
    // A maturity that is a code still judges the routing: every routed answer of the observer is a fault.
    assertThat(faults.stream().filter(f -> f.startsWith("3|"))).hasSize(19)
        .allSatisfy(f -> assertThat(f).contains("answered although the routing did not ask it"));
    assertThat(validated.valid().count()).isZero();
  }
}

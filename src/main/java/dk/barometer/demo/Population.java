package dk.barometer.demo;

import dk.barometer.config.Checks;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A synthetic register population as a DataFrame: one row per unit (firm or employee) with an id and its
 * classification variables, each a pure function of (seed, id). Any subset of ids can therefore be classified on its
 * own and gets the same categories it has in the whole population.
 */
final class Population {
  private final String name;
  private final PopulationModel model;
  private final Uniforms uniforms;

  Population(String name, PopulationModel model, Uniforms uniforms) {
    this.name = name;
    this.model = model;
    this.uniforms = uniforms;
  }

  String name() {
    return name;
  }

  long seed() {
    return uniforms.seed();
  }

  PopulationModel model() {
    return model;
  }

  JointDistribution joint() {
    return JointDistribution.of(model.classifications());
  }

  /** The population of {@code size} units: ids 0 to size - 1, classified. */
  Dataset<Row> units(SparkSession spark, long size) {
    Checks.checkArgument(size > 0, "A population needs at least one unit");
    return classify(spark.range(size).toDF());
  }

  /** Adds the classification variables to rows holding unit ids. */
  Dataset<Row> classify(Dataset<Row> ids) {
    Dataset<Row> units = ids;
    for (CategoricalModel draw : model.classifications()) {
      units = units.withColumn(draw.variable(),
          Draws.categorical(draw, uniforms.draw(name + "." + draw.variable())));
    }
    return units;
  }
}

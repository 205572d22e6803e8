package dk.barometer.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedView;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * The relations that SQL statements name, from their parsed plans (Spark's parser, before any name is resolved), so
 * that a local {@code sql} registers those alone: registering every zone reads every Delta log of the warehouse and
 * analyses every view, seconds before a query of one view can start. None when a statement may read what it does
 * not name: a command naming no relation (a listing such as SHOW TABLES, a setting, USE, an EXPLAIN) or one that
 * does not parse (its error comes when it runs).
 */
final class NamedRelations {
  private NamedRelations() {}

  /** The relation names of {@code statements} as they are written, or none if every zone should be registered. */
  static Optional<Set<String>> of(SparkSession spark, List<String> statements) {
    Set<String> names = new HashSet<>();
    for (String statement : statements) {
      LogicalPlan plan;
      try {
        plan = spark.sessionState().sqlParser().parsePlan(statement);
      } catch (Exception e) { // Scala's exceptions are checked for javac but undeclared
        return Optional.empty();
      }
      Set<String> named = new HashSet<>();
      collect(plan, named);
      if (named.isEmpty() && plan instanceof Command) {
        return Optional.empty();
      }
      names.addAll(named);
    }
    return Optional.of(names);
  }

  /** Adds the relations that {@code plan}, its subqueries and its common table expressions name. */
  private static void collect(LogicalPlan plan, Set<String> names) {
    plan.foreachWithSubqueries(node -> {
      if (node instanceof UnresolvedRelation relation) {
        names.add(dotted(relation.multipartIdentifier()));
      } else if (node instanceof UnresolvedTable table) {
        names.add(dotted(table.multipartIdentifier()));
      } else if (node instanceof UnresolvedTableOrView tableOrView) {
        names.add(dotted(tableOrView.multipartIdentifier()));
      } else if (node instanceof UnresolvedView view) {
        names.add(dotted(view.multipartIdentifier()));
      } else if (node instanceof RelationTimeTravel travel) { // a leaf: its relation is not a child
        collect(travel.relation(), names);
      } else if (node instanceof UnresolvedWith with) {
        for (Tuple2<String, SubqueryAlias> expression : CollectionConverters.asJava(with.cteRelations())) {
          collect(expression._2(), names);
        }
      }
      return BoxedUnit.UNIT;
    });
  }

  private static String dotted(Seq<String> parts) {
    return String.join(".", CollectionConverters.asJava(parts));
  }
}

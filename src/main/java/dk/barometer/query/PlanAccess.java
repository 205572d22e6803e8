package dk.barometer.query;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.analysis.ResolvedNamespace;
import org.apache.spark.sql.catalyst.analysis.ResolvedPersistentView;
import org.apache.spark.sql.catalyst.analysis.ResolvedTable;
import org.apache.spark.sql.catalyst.analysis.ResolvedTempView;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.expressions.UserDefinedExpression;
import org.apache.spark.sql.catalyst.plans.logical.AppendColumns;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.CommandResult;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.DeserializeToObject;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.LeafNode;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ObjectConsumer;
import org.apache.spark.sql.catalyst.plans.logical.ObjectProducer;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.SerializeFromObject;
import org.apache.spark.sql.catalyst.plans.logical.SetCatalogAndNamespace;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowNamespaces;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.TypedFilter;
import org.apache.spark.sql.catalyst.plans.logical.View;
import org.apache.spark.sql.classic.SparkSession;
import org.apache.spark.sql.connector.catalog.CatalogManager;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.delta.DeltaLogFileIndex;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import org.apache.spark.sql.execution.command.DescribeColumnCommand;
import org.apache.spark.sql.execution.command.DescribeFunctionCommand;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.DescribeTableCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.ResetCommand;
import org.apache.spark.sql.execution.command.SetCatalogCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.command.SetNamespaceCommand;
import org.apache.spark.sql.execution.command.ShowCatalogsCommand;
import org.apache.spark.sql.execution.command.ShowColumnsCommand;
import org.apache.spark.sql.execution.command.ShowCurrentNamespaceCommand;
import org.apache.spark.sql.execution.command.ShowFunctionsCommand;
import org.apache.spark.sql.execution.command.ShowTablesCommand;
import org.apache.spark.sql.execution.command.ShowViewsCommand;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.Option;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a role below engineer may run, checked on the analysed plan of one statement. An allow-list: read-only
 * queries built of Spark's own query operators over relations the role reads, listings (SHOW), DESCRIBE of what it
 * reads, EXPLAIN of what it may run, local temporary views, USE, and SET of the policy's settable settings. A
 * relation is read if it is a view or table of the role's zones (its content is not checked further: the view is
 * what the zone publishes), or a temporary view whose own reads pass; anything else is refused and named: writes,
 * DDL and maintenance, files by path, catalog relations outside the zones, reflection and code sent by a client.
 */
final class PlanAccess {
  private static final String QUERY_OPERATORS = "org.apache.spark.sql.catalyst.plans.logical.";
  /**
   * Leaves of a query that read nothing stored: literal rows, ranges, references to a CTE, executed SHOWs, and rows
   * already computed (Delta's cached table state, a checkpoint) by a plan that was checked or by code in this JVM.
   */
  private static final Set<Class<?>> QUERY_LEAVES = Set.of(LocalRelation.class, OneRowRelation.class, Range.class,
      CTERelationRef.class, CommandResult.class, LogicalRDD.class);
  /** Statements that list names or move the current namespace, and read no relation. */
  private static final Set<Class<?>> LISTINGS = Set.of(ShowTables.class, ShowTablesCommand.class, ShowViews.class,
      ShowViewsCommand.class, ShowNamespaces.class, ShowFunctions.class, ShowFunctionsCommand.class,
      ShowCatalogsCommand.class, ShowCurrentNamespaceCommand.class, SetCatalogAndNamespace.class,
      SetNamespaceCommand.class, SetCatalogCommand.class, DescribeFunction.class, DescribeFunctionCommand.class);
  private static final String READ_ONLY = "below engineer a session runs queries, SHOW, DESCRIBE and EXPLAIN of "
      + "what its role reads, and nothing that writes, changes or maintains the warehouse";

  private final AccessPolicy policy;
  private final Role role;
  private final SparkSession session;
  private final Set<String> readable;

  PlanAccess(AccessPolicy policy, Role role, SparkSession session) {
    this.policy = policy;
    this.role = role;
    this.session = session;
    this.readable = policy.readable(role);
  }

  /** Refuses {@code plan}, the analysed plan of a statement, unless the role may run it. */
  void check(LogicalPlan plan) throws AccessRefused {
    if (LISTINGS.contains(plan.getClass())) {
      return;
    }
    if (plan instanceof SetCommand set) {
      setting(set.kv());
    } else if (plan instanceof ResetCommand reset) {
      reset(reset.config());
    } else if (plan instanceof ExplainCommand explain) {
      analyse(explain.logicalPlan());
    } else if (plan instanceof DescribeQueryCommand describe) {
      analyse(describe.plan());
    } else if (plan instanceof DescribeTableCommand describe) {
      relation(name(describe.table()));
    } else if (plan instanceof DescribeColumnCommand describe) {
      relation(name(describe.table()));
    } else if (plan instanceof ShowColumnsCommand show) {
      relation(name(show.databaseName().isDefined()
          ? new TableIdentifier(show.tableName().table(), show.databaseName()) : show.tableName()));
    } else if (plan instanceof DescribeRelation || plan instanceof DescribeColumn || plan instanceof ShowColumns) {
      for (LogicalPlan child : children(plan)) {
        read(child);
      }
    } else if (plan instanceof CreateViewCommand view && view.viewType() == LocalTempView$.MODULE$) {
      // A temporary view is the session's own and widens nothing: whatever reads it is checked through it.
      read(view.plan());
    } else {
      read(plan);
    }
  }

  /** Analyses {@code plan} in this session, so that this check refuses it if it must (EXPLAIN and DESCRIBE QUERY). */
  private void analyse(LogicalPlan plan) {
    session.sessionState().executePlan(plan, CommandExecutionMode.SKIP()).assertAnalyzed();
  }

  private void read(LogicalPlan node) throws AccessRefused {
    if (node instanceof View view) {
      if (!view.isTempView()) {
        relation(name(view.desc().identifier()));
        return;
      }
    } else if (node instanceof LogicalRelation relation) {
      logicalRelation(relation);
    } else if (node instanceof DataSourceV2Relation relation) {
      if (relation.identifier().isEmpty()) {
        throw refused("read " + relation.table().name() + " by path", "Only engineer may read files by path; query "
            + "the tables and views by name (SHOW TABLES)");
      }
      relation(name(relation.catalog().get().name(), relation.identifier().get()));
    } else if (node instanceof ResolvedTable table) {
      relation(name(table.catalog().name(), table.identifier()));
    } else if (node instanceof ResolvedPersistentView view) {
      relation(name(view.catalog().name(), view.identifier()));
    } else if (node instanceof ResolvedTempView || node instanceof ResolvedNamespace
        || QUERY_LEAVES.contains(node.getClass())) {
      return;
    } else if (node instanceof Command || node instanceof ParsedStatement || node instanceof InsertIntoDir
        || !node.getClass().getName().startsWith(QUERY_OPERATORS)) {
      throw refused("run " + node.nodeName() + " (a write, DDL, maintenance, or a statement not known to be "
          + "read-only)", "Only engineer may; " + READ_ONLY);
    } else if (clientCode(node)) {
      throw refused("run " + node.nodeName() + ", code sent by the client", "Only engineer may; below engineer a "
          + "session runs SQL and the DataFrame operations that compile to it");
    } else if (node instanceof LeafNode) {
      throw refused("read " + node.nodeName(), "Only engineer may; query the tables and views by name (SHOW TABLES)");
    }
    for (Expression expression : CollectionConverters.asJava(node.expressions())) {
      expression(expression);
    }
    for (LogicalPlan child : children(node)) {
      read(child);
    }
  }

  /**
   * Typed operations, which run a function the client sent (map, filter, groupMap, ...). Spark's own conversion of
   * rows to objects and back (collect, encoders) is an expression tree, checked like any other.
   */
  private static boolean clientCode(LogicalPlan node) {
    boolean encoding = node instanceof DeserializeToObject || node instanceof SerializeFromObject;
    return !encoding && (node instanceof ObjectProducer || node instanceof ObjectConsumer
        || node instanceof TypedFilter || node instanceof AppendColumns);
  }

  private void logicalRelation(LogicalRelation relation) throws AccessRefused {
    if (relation.catalogTable().isDefined()) {
      relation(name(relation.catalogTable().get().identifier()));
    } else if (!(relation.relation() instanceof HadoopFsRelation files
        && files.location() instanceof DeltaLogFileIndex)) {
      // Delta reads a table's log by path when it loads the table; that is the table's own machinery, not a read.
      throw refused("read " + describe(relation) + " by path", "Only engineer may read files by path; query the "
          + "tables and views by name (SHOW TABLES)");
    }
  }

  private void expression(Expression expression) throws AccessRefused {
    if (expression instanceof UserDefinedExpression function) {
      throw refused("call the user-defined function " + function.name(), "Only engineer may; below engineer a "
          + "session runs Spark's built-in functions, not code sent by a client");
    }
    if (expression instanceof CallMethodViaReflection) {
      throw refused("call Java methods by reflection (" + expression.prettyName() + ")", "No role may through a "
          + "query session but engineer");
    }
    if (expression instanceof SubqueryExpression subquery) {
      read(subquery.plan());
    }
    for (Expression child : CollectionConverters.asJava(expression.children())) {
      expression(child);
    }
  }

  private void relation(String name) throws AccessRefused {
    if (readable.contains(name)) {
      return;
    }
    List<String> readers = Arrays.stream(Role.values()).filter(r -> r.mayWrite() || policy.readable(r).contains(name))
        .map(Role::id).toList();
    String zone = policy.zones().entrySet().stream().filter(z -> z.getValue().contains(name)).map(Map.Entry::getKey)
        .findFirst().map(z -> "it is in zone '" + z + "' of conf/access.yaml")
        .orElse("it is in no zone of conf/access.yaml");
    throw refused("read " + name, capitalised(zone) + ", read by " + String.join(" and ", readers));
  }

  private void setting(Option<Tuple2<String, Option<String>>> keyValue) throws AccessRefused {
    if (keyValue.isEmpty()) {
      throw refused("list every setting (SET)", "Only engineer may, since settings may hold credentials; SET KEY "
          + "shows one of " + policy.settable());
    }
    settable(keyValue.get()._1(), "SET");
  }

  private void reset(Option<String> key) throws AccessRefused {
    if (key.isEmpty()) {
      throw refused("reset every setting (RESET)", "Only engineer may; RESET KEY resets one of "
          + policy.settable());
    }
    settable(key.get(), "RESET");
  }

  private void settable(String key, String statement) throws AccessRefused {
    if (!policy.settable().contains(key)) {
      throw refused(statement + " the setting '" + key + "'", "Below engineer a session may set only "
          + String.join(", ", policy.settable()) + " (settable in conf/access.yaml); engineer may set any");
    }
  }

  private AccessRefused refused(String action, String whoMay) {
    return QueryErrors.accessRefused(role, action, whoMay);
  }

  /** A catalog relation by its name in SQL: bare in the default database, {@code database.name} elsewhere. */
  private static String name(TableIdentifier identifier) {
    String database = identifier.database().isDefined() ? identifier.database().get() : "default";
    String catalog = identifier.catalog().isDefined() ? identifier.catalog().get()
        : CatalogManager.SESSION_CATALOG_NAME();
    return qualified(catalog, List.of(database), identifier.table());
  }

  private static String name(String catalog, Identifier identifier) {
    return qualified(catalog, List.of(identifier.namespace()), identifier.name());
  }

  private static String qualified(String catalog, List<String> namespace, String name) {
    String prefix = CatalogManager.SESSION_CATALOG_NAME().equals(catalog) ? "" : catalog + ".";
    String database = namespace.equals(List.of("default")) ? "" : String.join(".", namespace) + ".";
    return prefix + database + name;
  }

  private static String describe(LogicalRelation relation) {
    if (relation.relation() instanceof HadoopFsRelation files) {
      return "the files at " + CollectionConverters.asJava(files.location().rootPaths()).stream()
          .map(Object::toString).collect(Collectors.joining(", "));
    }
    return relation.relation().toString();
  }

  private static List<LogicalPlan> children(LogicalPlan plan) {
    return CollectionConverters.asJava(plan.children());
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

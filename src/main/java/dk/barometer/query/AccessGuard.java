package dk.barometer.query;

import dk.barometer.config.AccessPolicy;
import dk.barometer.config.Role;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.classic.SparkSession;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The session extension that makes a query session read-only and confines it to its role's zones: a check rule on
 * every analysed plan, so that a refused statement fails before anything runs, whether it came as SQL, from a
 * DataFrame or from a Spark Connect client. Engineers pass unchecked; every other role (from {@link SessionRoles})
 * may run only what {@link PlanAccess} allows. Only query sessions carry it ({@link QuerySessions}): the sessions of
 * a run do not.
 */
public final class AccessGuard extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  private static final String VIEW_RESOLUTION = "org.apache.spark.sql.catalyst.analysis.ViewResolution$";
  private static final String DELTA = "org.apache.spark.sql.delta.";

  private final AccessPolicy policy;

  public AccessGuard(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectCheckRule(session -> plan -> {
      Role role = SessionRoles.of(session);
      if (!role.mayWrite() && !enginesOwnWork()) {
        try {
          new PlanAccess(policy, role, (SparkSession) session).check(plan);
        } catch (AccessRefused refused) {
          throw unchecked(refused);
        }
      }
      return BoxedUnit.UNIT;
    });
    return BoxedUnit.UNIT;
  }

  /**
   * Whether this analysis is the engine's own work inside a statement rather than a statement: Spark checks a view's
   * body on its own while it resolves the view (ViewResolution), and Delta runs queries over a table's log and state
   * while it loads, plans and scans the table (with its own UDFs, over its log files). Every statement is checked
   * as a whole once analysed, outside both, where its View nodes and relations decide what the role may read, so
   * nothing a user sent goes unchecked by passing these.
   */
  private static boolean enginesOwnWork() {
    return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
        .anyMatch(name -> name.equals(VIEW_RESOLUTION) || name.startsWith(DELTA)));
  }

  /**
   * Throws {@code refused} as Spark's own Scala code throws an AnalysisException: javac counts it as checked, which
   * a check rule (a Scala function) cannot declare, while Spark and its Connect clients expect exactly that type.
   */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException unchecked(Exception refused) throws E {
    throw (E) refused;
  }
}

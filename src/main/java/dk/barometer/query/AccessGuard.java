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

  private final AccessPolicy policy;

  public AccessGuard(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    extensions.injectCheckRule(session -> plan -> {
      Role role = SessionRoles.of(session);
      if (!role.mayWrite() && !resolvingAView()) {
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
   * Whether Spark is resolving a view: it then checks the view's body on its own (ViewResolution), and the tables the
   * body loads. The statement reading the view is checked as a whole once resolved, where its View node decides
   * whether the role may read the view, so nothing is left unchecked by passing the body here.
   */
  private static boolean resolvingAView() {
    return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName()
        .equals(VIEW_RESOLUTION)));
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

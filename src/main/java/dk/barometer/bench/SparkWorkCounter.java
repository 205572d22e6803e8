package dk.barometer.bench;

import dk.barometer.cli.StageTiming;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs a run starts, per pipeline stage: the stage is the local property the run sets while a stage
 * runs ({@link StageTiming#SPARK_PROPERTY}); jobs started between stages (the runs log, Delta's own reads) count
 * under {@link #BETWEEN_STAGES}. A job count that grows with the data would mean a loop over rows or groups on the
 * driver: for a fixed configuration it must be the same at every size.
 */
final class SparkJobCounter extends SparkListener {
  static final String BETWEEN_STAGES = "(between stages)";

  private final SparkContext context;
  private final Map<String, Integer> jobs = new LinkedHashMap<>();

  private SparkJobCounter(SparkContext context) {
    this.context = context;
  }

  static SparkJobCounter register(SparkContext context) {
    SparkJobCounter counter = new SparkJobCounter(context);
    context.addSparkListener(counter);
    return counter;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart event) {
    String stage = event.properties() == null ? null : event.properties().getProperty(StageTiming.SPARK_PROPERTY);
    jobs.merge(stage == null ? BETWEEN_STAGES : stage, 1, Integer::sum);
  }

  /** The jobs counted since the last call, per stage, and starts counting afresh. */
  Map<String, Integer> drain() {
    awaitEvents();
    synchronized (this) {
      Map<String, Integer> counted = new LinkedHashMap<>(jobs);
      jobs.clear();
      return counted;
    }
  }

  void unregister() {
    context.removeSparkListener(this);
  }

  /** Listener events arrive asynchronously: wait until those of the jobs already run have been delivered. */
  private void awaitEvents() {
    try {
      context.listenerBus().waitUntilEmpty();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark's listener events were not delivered within 10 s", e);
    }
  }
}

package dk.barometer.bench;

import dk.barometer.runtime.StageTiming;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * Counts the Spark jobs a run starts and its input scans, per pipeline stage: the stage is the local property the
 * run sets while a stage runs ({@link StageTiming#SPARK_PROPERTY}); jobs started between stages (the runs log,
 * Delta's own reads) count under {@link #BETWEEN_STAGES}. An input scan is a Spark stage that read records from its
 * input (files, or a dataset the run cached) rather than from a shuffle. Counts that grow with the data would mean a
 * loop over rows or groups on the driver, or a re-read per indicator: for a fixed configuration they must be the
 * same at every size.
 */
final class SparkWorkCounter extends SparkListener {
  static final String BETWEEN_STAGES = "(between stages)";

  /** The Spark jobs and input scans of one pipeline stage. */
  record Work(int jobs, int scans) {
    static final Work NONE = new Work(0, 0);

    Work plus(Work other) {
      return new Work(jobs + other.jobs, scans + other.scans);
    }
  }

  private final SparkContext context;
  private final Map<String, Work> work = new LinkedHashMap<>();
  private final Map<Integer, String> stageOfSparkStage = new HashMap<>();

  private SparkWorkCounter(SparkContext context) {
    this.context = context;
  }

  static SparkWorkCounter register(SparkContext context) {
    SparkWorkCounter counter = new SparkWorkCounter(context);
    context.addSparkListener(counter);
    return counter;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart event) {
    String property = event.properties() == null ? null
        : event.properties().getProperty(StageTiming.SPARK_PROPERTY);
    String stage = property == null ? BETWEEN_STAGES : property;
    work.merge(stage, new Work(1, 0), Work::plus);
    for (StageInfo info : scala.jdk.javaapi.CollectionConverters.asJava(event.stageInfos())) {
      stageOfSparkStage.put(info.stageId(), stage);
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo info = event.stageInfo();
    String stage = stageOfSparkStage.remove(info.stageId());
    if (stage != null && info.taskMetrics() != null && info.taskMetrics().inputMetrics().recordsRead() > 0) {
      work.merge(stage, new Work(0, 1), Work::plus);
    }
  }

  /** The work counted since the last call, per stage, and starts counting afresh. */
  Map<String, Work> drain() {
    awaitEvents();
    synchronized (this) {
      Map<String, Work> counted = new LinkedHashMap<>(work);
      work.clear();
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

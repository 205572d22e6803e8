package dk.barometer.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of a run's pipeline stages: one line per stage with what it produced and its seconds ({@link #timed}),
 * and progress of long Spark stages: every {@code interval} seconds, each Spark stage running longer than that
 * gets a line with its tasks done, so a big wave's slow stage shows it is moving (the console progress bar is
 * off, and schedulers keep only the log). Quick stages, which are all of a small wave, log no progress.
 */
public final class StageLog extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StageLog.class);

  /** A running Spark stage: what it is, the pipeline stage that started it, its tasks and when it started. */
  private record Running(String name, String pipelineStage, int tasks, AtomicInteger done, long startedNanos) {}

  private final SparkContext context;
  private final String run;
  private final long intervalNanos;
  private final Map<Integer, Running> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "barometer-progress");
    t.setDaemon(true);
    return t;
  });
  private final long startNanos = System.nanoTime();
  private final List<StageTiming> timings = Collections.synchronizedList(new ArrayList<>());

  private StageLog(SparkContext context, String run, long intervalSeconds) {
    this.context = context;
    this.run = run;
    this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
  }

  /** Starts logging the progress of {@code context}'s stages until {@link #close()}. */
  public static StageLog start(SparkContext context, String what, long intervalSeconds) {
    StageLog progress = new StageLog(context, what, intervalSeconds);
    context.addSparkListener(progress);
    progress.timer.scheduleAtFixedRate(progress::report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    return progress;
  }

  /**
   * Runs one pipeline stage and logs one line: the stage, what it produced (rows, files, versions) and its seconds.
   * The stage's name is the Spark local property {@link StageTiming#SPARK_PROPERTY} while it runs, so a listener can
   * tell which stage started a Spark job (listener events arrive later, on another thread). Stages may run at the
   * same time, in different threads: the property is the thread's.
   */
  public <T> T timed(String stage, Supplier<T> step, Function<T, String> summary) {
    context.setLocalProperty(StageTiming.SPARK_PROPERTY, stage);
    long start = System.nanoTime();
    try {
      T result = step.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      timings.add(new StageTiming(stage, (start - startNanos) / 1e9, seconds));
      LOG.info("stage {}: {} ({} s)", stage, summary.apply(result), String.format("%.1f", seconds));
      return result;
    } finally {
      context.setLocalProperty(StageTiming.SPARK_PROPERTY, null);
    }
  }

  /** The stages timed so far, in the order they started. */
  public List<StageTiming> timings() {
    synchronized (timings) {
      return timings.stream().sorted(Comparator.comparingDouble(StageTiming::start)).toList();
    }
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    String stage = event.properties() == null ? null : event.properties().getProperty(StageTiming.SPARK_PROPERTY);
    running.put(event.stageInfo().stageId(), new Running(event.stageInfo().name(), stage == null ? "between stages"
        : stage, event.stageInfo().numTasks(), new AtomicInteger(), System.nanoTime()));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    Running stage = running.get(event.stageId());
    if (stage != null) {
      stage.done().incrementAndGet();
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    running.remove(event.stageInfo().stageId());
  }

  private void report() {
    long now = System.nanoTime();
    running.forEach((id, stage) -> {
      if (now - stage.startedNanos() >= intervalNanos) {
        LOG.info("progress {}, {}: Spark stage {} ({}) {}/{} tasks done after {} s", run, stage.pipelineStage(), id,
            stage.name(), stage.done().get(), stage.tasks(), (now - stage.startedNanos()) / 1_000_000_000L);
      }
    });
  }

  @Override
  public void close() {
    timer.shutdownNow();
    context.removeSparkListener(this);
  }
}

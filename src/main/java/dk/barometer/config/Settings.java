package dk.barometer.config;

import static dk.barometer.config.Checks.checkArgument;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of {@code conf/barometer.yaml}; {@code comparisons} (a file of conf/) and {@code replicateWeights}
 * are optional.
 */
public record Settings(int version, Map<Integer, WaveSettings> waves, Map<String, SurveySettings> surveys,
                       RakingSettings raking, ReliabilitySettings reliability, String indicators,
                       String classifications, String comparisons, ExecutionSettings execution,
                       ReplicateWeightsSettings replicateWeights) {
  public Settings {
    checkArgument(waves != null && !waves.isEmpty(), "No waves configured");
    checkArgument(surveys != null && !surveys.isEmpty(), "No surveys configured");
    checkArgument(raking != null, "No raking settings");
    reliability = reliability == null ? ReliabilitySettings.DEFAULT : reliability;
    execution = execution == null ? ExecutionSettings.DEFAULT : execution;
    replicateWeights = replicateWeights == null ? ReplicateWeightsSettings.NONE : replicateWeights;
    checkArgument(indicators != null && classifications != null, "indicators and classifications paths are required");
    waves = Map.copyOf(waves);
    surveys = Collections.unmodifiableMap(new TreeMap<>(surveys));
  }

  public WaveSettings wave(int wave) {
    WaveSettings w = waves.get(wave);
    checkArgument(w != null, "Wave %s is not configured in barometer.yaml; configured waves: %s", wave,
        new TreeMap<>(waves).keySet());
    return w;
  }

  public SurveySettings survey(String survey) {
    SurveySettings s = surveys.get(survey);
    checkArgument(s != null, "Survey '%s' is not configured; configured: %s", survey, surveys.keySet());
    return s;
  }
}

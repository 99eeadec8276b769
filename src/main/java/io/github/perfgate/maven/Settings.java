package io.github.perfgate.maven;

import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.ThresholdRule;
import io.github.perfgate.gate.TimeMetric;
import io.github.perfgate.model.PerfgateException;
import java.util.ArrayList;
import java.util.List;

/** Turns the gate parameters shared by {@code check} and {@code compare} into core settings. */
final class Settings {

    private Settings() {
    }

    /**
     * @param metric {@code perfgate.metric} as given
     * @param paired true for a same-machine A/B check, where {@code auto} weighs both metrics (a baseline check
     *     decides {@code auto} by wall time)
     */
    static GateSettings gate(String regressionThreshold, List<ThresholdConfig> thresholds, double confidence,
            String allocationThreshold, String metric, boolean paired) throws PerfgateException {
        try {
            List<ThresholdRule> rules = new ArrayList<>();
            if (thresholds != null) {
                for (ThresholdConfig t : thresholds) {
                    if (t.getBenchmark() == null || t.getTolerance() == null) {
                        throw new IllegalArgumentException(
                                "every <threshold> needs a <benchmark> and a <tolerance>, e.g. 25%");
                    }
                    rules.add(ThresholdRule.parse(t.getBenchmark(), t.getTolerance()));
                }
            }
            double allocationTolerance = "off".equalsIgnoreCase(allocationThreshold.trim()) ? -1
                    : Percent.parse(allocationThreshold, "perfgate.allocationThreshold");
            return new GateSettings(Percent.parse(regressionThreshold, "perfgate.regressionThreshold"), rules,
                    confidence, allocationTolerance, TimeMetric.parse(metric)).resolved(paired);
        } catch (IllegalArgumentException e) {
            throw new PerfgateException(e.getMessage(), e);
        }
    }
}

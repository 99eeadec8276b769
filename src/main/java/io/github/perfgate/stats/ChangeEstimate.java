package io.github.perfgate.stats;

/** Estimated change between baseline and current (placeholder until the stats engine lands). */
public record ChangeEstimate(double baselineLocation, double currentLocation, double ratio, double lowerRatio,
        double upperRatio, double confidence, boolean estimable, String caveat) {
    public double change() {
        return ratio - 1;
    }

    public double lowerChange() {
        return lowerRatio - 1;
    }

    public double upperChange() {
        return upperRatio - 1;
    }
}

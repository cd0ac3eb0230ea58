package dev.ard.core.selection.model;

import java.util.ArrayList;
import java.util.List;

/** Rows in time order: features, label (failed) and the build they belong to, for time-ordered splits. */
public final class TrainingSet {

    private final List<double[]> x = new ArrayList<>();
    private final List<Boolean> y = new ArrayList<>();
    private final List<Long> build = new ArrayList<>();

    public void add(double[] features, boolean failed, long buildOrder) {
        x.add(features);
        y.add(failed);
        build.add(buildOrder);
    }

    public int size() {
        return x.size();
    }

    public int positives() {
        return (int) y.stream().filter(Boolean::booleanValue).count();
    }

    public double[] x(int i) {
        return x.get(i);
    }

    public boolean failed(int i) {
        return y.get(i);
    }

    public long build(int i) {
        return build.get(i);
    }

    /** Rows {@code [from, to)}. */
    public TrainingSet slice(int from, int to) {
        TrainingSet s = new TrainingSet();
        for (int i = from; i < to; i++) {
            s.add(x.get(i), y.get(i), build.get(i));
        }
        return s;
    }

    /**
     * The first row of the newest builds holding about {@code fraction} of the rows, moved back to a build boundary
     * so no build is split between training and held-out data.
     */
    public int splitIndex(double fraction) {
        int i = (int) Math.round(size() * (1 - fraction));
        i = Math.max(0, Math.min(size(), i));
        while (i > 0 && i < size() && build.get(i).equals(build.get(i - 1))) {
            i--;
        }
        return i;
    }
}

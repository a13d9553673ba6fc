package org.terrawatch.change;

/**
 * Agreement of a change map with labelled ground truth, on the labelled pixels only: recall on changed pixels,
 * false-alarm rate on unchanged ones, overall accuracy and Cohen's kappa.
 */
public record Accuracy(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** Ground truth: 1 changed, 2 unchanged, 0 unlabelled. */
    public static Accuracy of(boolean[] changed, int[] truth) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int p = 0; p < changed.length; p++) {
            if (truth[p] == 1) {
                if (changed[p]) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (truth[p] == 2) {
                if (changed[p]) {
                    fp++;
                } else {
                    tn++;
                }
            }
        }
        return new Accuracy(tp, fp, fn, tn);
    }

    public double recall() {
        return truePositives / (double) (truePositives + falseNegatives);
    }

    public double falseAlarmRate() {
        return falsePositives / (double) (falsePositives + trueNegatives);
    }

    public double overall() {
        return (truePositives + trueNegatives) / (double) total();
    }

    public double kappa() {
        double n = total();
        double expected = ((truePositives + falsePositives) * (double) (truePositives + falseNegatives)
                + (falseNegatives + trueNegatives) * (double) (falsePositives + trueNegatives)) / (n * n);
        return (overall() - expected) / (1 - expected);
    }

    private long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    @Override
    public String toString() {
        return String.format("kappa %.4f, recall %.4f, false alarms %.4f, overall %.4f", kappa(), recall(), falseAlarmRate(), overall());
    }
}

package dev.ratchet.env;

/** Total generated instances per split, spread evenly over the split's environments. */
public record SplitSizes(int train, int probe, int confirm) {

    public SplitSizes {
        if (train < 0 || probe < 0 || confirm < 0) {
            throw new IllegalArgumentException(
                    "split sizes cannot be negative: " + train + "/" + probe + "/" + confirm);
        }
    }

    int of(String split) {
        return switch (split) {
            case Splits.TRAIN -> train;
            case Splits.PROBE -> probe;
            default -> confirm;
        };
    }

    int total() {
        return train + probe + confirm;
    }
}

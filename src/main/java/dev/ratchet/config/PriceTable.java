package dev.ratchet.config;

/** What a model costs, in US dollars per million input and per million output tokens. */
public record PriceTable(double inputPerMillion, double outputPerMillion) {

    public static final PriceTable FREE = new PriceTable(0.0, 0.0);

    public PriceTable {
        if (!(inputPerMillion >= 0.0) || !(outputPerMillion >= 0.0)) {
            throw new IllegalArgumentException("price per million tokens must not be negative");
        }
    }

    public double costUsd(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
    }
}

package dev.ratchet.projection;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Passes out of scored attempts; infrastructure failures are not attempts by the agent and are left out. */
public record Rate(int passed, int total) {

    public static final Rate NONE = new Rate(0, 0);

    public Rate {
        if (passed < 0 || total < passed) {
            throw new IllegalArgumentException("bad rate " + passed + "/" + total);
        }
    }

    /** Null when nothing was scored, so that charts show a gap rather than a false zero. */
    @JsonProperty("accuracy")
    public Double accuracy() {
        return total == 0 ? null : (double) passed / total;
    }

    public Rate plus(boolean pass) {
        return new Rate(passed + (pass ? 1 : 0), total + 1);
    }
}

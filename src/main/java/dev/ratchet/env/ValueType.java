package dev.ratchet.env;

import java.util.Locale;

/** The typed values environments consume and produce; composition matches on these. */
public enum ValueType {
    INTEGER,
    DECIMAL,
    BOOLEAN,
    STRING,
    INT_LIST,
    STRING_LIST,
    DATE,
    GRAPH,
    TABLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

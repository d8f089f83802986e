package dev.ratchet.env;

import java.util.ArrayList;
import java.util.List;

/** A small table of text cells with a header row; numeric columns hold integers as text. */
public record Table(List<String> columns, List<List<String>> rows) {

    public Table {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        columns = List.copyOf(columns);
        List<List<String>> copied = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row " + row + " has " + row.size() + " cells, the header " + columns.size());
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }

    /** The index of {@code column}, or -1. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }

    public List<String> column(int index) {
        List<String> values = new ArrayList<>();
        for (List<String> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }

    /** True when every cell of the column is an integer (and there is at least one row). */
    public boolean numeric(int index) {
        if (rows.isEmpty()) {
            return false;
        }
        for (List<String> row : rows) {
            if (!row.get(index).matches("-?\\d{1,12}")) {
                return false;
            }
        }
        return true;
    }

    /** Names of the numeric columns, in header order. */
    public List<String> numericColumns() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (numeric(i)) {
                names.add(columns.get(i));
            }
        }
        return names;
    }

    /** Names of the text (non-numeric) columns, in header order. */
    public List<String> textColumns() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!numeric(i)) {
                names.add(columns.get(i));
            }
        }
        return names;
    }
}

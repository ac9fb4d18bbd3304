package vn.hoinghi.media.text;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns padded to their widest cell, for terminals and e-mails alike. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        rows.add(header);
    }

    public TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    @Override
    public String toString() {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            for (int i = 0; i < cols; i++) {
                b.append(i == 0 ? "" : "  ").append(i == cols - 1 ? r[i] : pad(r[i], width[i]));
            }
            b.append('\n');
            if (n == 0) {
                for (int i = 0; i < cols; i++) {
                    b.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }
}

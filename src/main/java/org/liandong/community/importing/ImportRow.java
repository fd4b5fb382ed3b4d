package org.liandong.community.importing;

/**
 * One data row of the sheet as the person sees it: its row number (the header is usually row 1) and the
 * cleaned text of each known column. {@code numeric} marks cells that Excel stored as numbers.
 */
record ImportRow(int number, String[] cells, int numeric) {

    String get(Column column) {
        var s = cells[column.ordinal()];
        return s == null ? "" : s;
    }

    boolean isNumber(Column column) {
        return (numeric & (1 << column.ordinal())) != 0;
    }

    boolean isBlank() {
        for (var cell : cells) {
            if (cell != null && !cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}

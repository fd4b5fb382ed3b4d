package org.liandong.community.importing;

import org.jspecify.annotations.Nullable;

/** Why a cell cannot be imported: a message key (with at most one argument) in the importing bundle. */
record RowProblem(int row, Column column, String messageKey, @Nullable String arg) {

    static RowProblem of(int row, Column column, String messageKey) {
        return new RowProblem(row, column, messageKey, null);
    }

    static RowProblem of(int row, Column column, String messageKey, Object arg) {
        return new RowProblem(row, column, messageKey, String.valueOf(arg));
    }
}

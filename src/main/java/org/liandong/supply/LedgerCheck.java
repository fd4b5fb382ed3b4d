package org.liandong.supply;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The result of recomputing a street's chain: how many entries were checked and what is wrong, by number. */
public record LedgerCheck(String streetId, long checked, @Nullable String headHash, List<Problem> problems) {

    public enum Kind {
        /** The entry's content no longer matches its hash. */
        ALTERED,
        /** The entry does not follow the one before it: entries swapped, or one before it replaced. */
        OUT_OF_ORDER,
        /** Entries with these numbers are gone. */
        MISSING;

        public String messageKey() {
            return "supply.verify.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A problem at entry {@code from} (to {@code to} for a run of missing entries). */
    public record Problem(Kind kind, long from, long to) {
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}

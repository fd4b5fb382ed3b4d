package org.liandong.supply;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The result of re-running a round's draw and comparing it with what was published: each difference named, with
 * the registration it concerns (its pseudonymous reference), what was expected and what is stored.
 */
public record LotteryCheck(UUID roundId, boolean drawn, int registrations, String commitment, List<Problem> problems) {

    public enum Kind {
        /** The street's ledger, which holds the commitment and the draw, is itself broken. */
        LEDGER_BROKEN,
        /** No commitment was published in the ledger when the round opened. */
        COMMITMENT_NOT_PUBLISHED,
        /** The commitment stored with the round is not the one published at opening. */
        COMMITMENT_CHANGED,
        /** The revealed seed does not hash to the commitment. */
        SEED_MISMATCH,
        /** The seed stored is not the one recorded in the ledger at the draw. */
        SEED_CHANGED,
        /** The draw was not recorded in the ledger. */
        DRAW_NOT_RECORDED,
        /** A registration's reference does not belong to its household: the row was edited. */
        REGISTRATION_ALTERED,
        /** A registration that took no part in the draw (added after it). */
        LATE_REGISTRATION,
        /** The registrations differ from those recorded at the draw (added, removed or edited). */
        REGISTRATIONS_CHANGED,
        /** The number drawn differs from the one recorded at the draw. */
        DRAWN_CHANGED,
        /** The recomputed draw did not pick this registration, yet it is stored as drawn. */
        WRONGLY_DRAWN,
        /** The recomputed draw picked this registration, yet it is stored as not drawn. */
        WRONGLY_LEFT_OUT,
        /** Same outcome, another rank than the recomputed one. */
        RANK_CHANGED,
        /** The recomputed order does not match the result hash recorded at the draw. */
        RESULT_CHANGED;

        public String messageKey() {
            return "supply.lottery.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code subject}: a registration's reference or a seed; {@code expected} and {@code found}: what differs. */
    public record Problem(Kind kind, String subject, String expected, String found) {
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}

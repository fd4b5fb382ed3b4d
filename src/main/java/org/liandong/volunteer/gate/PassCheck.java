package org.liandong.volunteer.gate;

import java.util.Locale;

/**
 * What the gate volunteer sees after scanning a pass: let through (out or back in), or stop, and why.
 * Decided by {@link #decide}: the rule is "a household may go out {@code outings} times in
 * {@code periodDays} days"; coming back in is always allowed.
 */
public record PassCheck(Kind kind, Flag flag, int outingsUsed, int outingsAllowed) {

    public enum Kind { OUT, IN, REFUSED }

    public enum Flag {
        NONE, UNKNOWN_PASS, OTHER_COMMUNITY, QUOTA_USED;

        public String messageKey() {
            return "gate.flag." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** @param lastWasOut whether this pass's last passage through any gate went out (so now it comes back) */
    static PassCheck decide(boolean known, boolean sameCommunity, boolean lastWasOut, int outingsInPeriod,
                            int allowed) {
        if (!known) {
            return new PassCheck(Kind.REFUSED, Flag.UNKNOWN_PASS, 0, allowed);
        }
        if (!sameCommunity) {
            return new PassCheck(Kind.REFUSED, Flag.OTHER_COMMUNITY, 0, allowed);
        }
        if (lastWasOut) {
            return new PassCheck(Kind.IN, Flag.NONE, outingsInPeriod, allowed);
        }
        if (allowed > 0 && outingsInPeriod >= allowed) {
            return new PassCheck(Kind.REFUSED, Flag.QUOTA_USED, outingsInPeriod, allowed);
        }
        return new PassCheck(Kind.OUT, Flag.NONE, outingsInPeriod + 1, allowed);
    }

    public boolean allowed() {
        return kind != Kind.REFUSED;
    }

    public String messageKey() {
        return allowed() ? "gate.result." + kind.name().toLowerCase(Locale.ROOT) : flag.messageKey();
    }
}

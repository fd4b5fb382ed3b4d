package org.liandong.resilience.indicator;

import static org.liandong.resilience.Dimension.CULTURAL;
import static org.liandong.resilience.Dimension.ORGANISATIONAL;
import static org.liandong.resilience.Dimension.PSYCHOLOGICAL;

import org.jspecify.annotations.Nullable;
import org.liandong.community.Stage;
import org.liandong.resilience.Dimension;

/**
 * The twelve operational indicators of RESILIENCE.md, in their fixed order. Each names the dimension it informs,
 * the stage in which it is read (null: every stage), its unit, and fixed goalposts: the floor scores 0 and the
 * target 100, set once here and never re-normalised (a floor above the target means lower is better). Texts:
 * {@code resilience.indicator.<id>.name / .definition / .numerator / .denominator / .window}.
 */
public enum Indicator {
    VOLUNTEERS_PER_1000("volunteers-per-1000", ORGANISATIONAL, null, Unit.PER_1000, 0, 20),
    VULNERABLE_WITH_CARER("vulnerable-with-carer", CULTURAL, null, Unit.SHARE, 0.5, 1.0),
    VULNERABLE_REACHED_24H("vulnerable-reached-24h", PSYCHOLOGICAL, Stage.RESPOND, Unit.SHARE, 0.5, 1.0),
    HOURS_TO_FIRST_ACCEPTANCE("hours-to-first-acceptance", PSYCHOLOGICAL, Stage.RESPOND, Unit.HOURS, 48, 2),
    FULFILLED_WITHIN_72H("fulfilled-within-72h", ORGANISATIONAL, Stage.RESPOND, Unit.SHARE, 0.5, 0.95),
    OPEN_OVER_48H_PER_1000("open-over-48h-per-1000", ORGANISATIONAL, Stage.RESPOND, Unit.PER_1000, 5, 0),
    ALERTS_OPENED_6H("alerts-opened-6h", PSYCHOLOGICAL, Stage.RESPOND, Unit.SHARE, 0.2, 0.8),
    RUMOURS_ANSWERED_24H("rumours-answered-24h", PSYCHOLOGICAL, null, Unit.SHARE, 0.5, 0.95),
    BRIDGING_EXCHANGES("bridging-exchanges", CULTURAL, null, Unit.SHARE, 0.1, 0.5),
    RECIPROCITY("reciprocity", CULTURAL, null, Unit.SHARE, 0, 0.3),
    HOUSEHOLDS_ACTIVE_30D("households-active-30d", CULTURAL, null, Unit.SHARE, 0.1, 0.6),
    VOLUNTEERS_RETAINED("volunteers-retained", ORGANISATIONAL, Stage.RECOVER, Unit.SHARE, 0.1, 0.6);

    /** How a value is written: a share (0–1, shown as a percentage), a rate per 1,000 residents, or hours. */
    public enum Unit {
        SHARE, PER_1000, HOURS;

        public String messageKey() {
            return "resilience.indicator.unit." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final String id;
    private final Dimension dimension;
    private final @Nullable Stage stage;
    private final Unit unit;
    private final double floor;
    private final double target;

    Indicator(String id, Dimension dimension, @Nullable Stage stage, Unit unit, double floor, double target) {
        this.id = id;
        this.dimension = dimension;
        this.stage = stage;
        this.unit = unit;
        this.floor = floor;
        this.target = target;
    }

    public String id() {
        return id;
    }

    public Dimension dimension() {
        return dimension;
    }

    public @Nullable Stage stage() {
        return stage;
    }

    public Unit unit() {
        return unit;
    }

    public double floor() {
        return floor;
    }

    public double target() {
        return target;
    }

    public int number() {
        return ordinal() + 1;
    }

    public String key(String part) {
        return "resilience.indicator." + id + "." + part;
    }

    /** The value on the 0–100 scale between the goalposts, clamped. */
    public double score(double value) {
        var s = (value - floor) / (target - floor) * 100;
        return Math.max(0, Math.min(100, s));
    }

    public static java.util.Optional<Indicator> byId(String id) {
        return java.util.Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}

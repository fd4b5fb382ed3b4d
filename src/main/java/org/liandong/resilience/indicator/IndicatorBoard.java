package org.liandong.resilience.indicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.CareFigures;
import org.liandong.community.CommunityFigures;
import org.liandong.community.Places;
import org.liandong.community.Stage;
import org.liandong.community.StageHistory;
import org.liandong.notice.NoticeFigures;
import org.liandong.resilience.IndicatorReading;
import org.liandong.resilience.IndicatorSource;
import org.liandong.supply.SupplyFigures;
import org.liandong.volunteer.VolunteerActivity;
import org.springframework.stereotype.Service;

/**
 * Computes the twelve operational indicators of a community over a window, from the other modules' read models
 * (never their tables). Every reading says where it came from: numerator, denominator, the window it actually
 * covers, and when it was taken. A source with nothing to count gives "no data"; a denominator below the threshold
 * gives "suppressed"; neither carries a value. Definitions: docs/resilience-indicators.md.
 */
@Service
public class IndicatorBoard implements IndicatorSource {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration CONTACT_WITHIN = Duration.ofHours(24);
    static final Duration FULFIL_WITHIN = Duration.ofHours(72);
    static final Duration OPEN_LONGER_THAN = Duration.ofHours(48);
    static final Duration ALERT_OPENED_WITHIN = Duration.ofHours(6);
    static final Duration RUMOUR_ANSWERED_WITHIN = Duration.ofHours(24);
    static final int ACTIVE_DAYS = 30;
    static final int RETAINED_FROM_DAYS = 30;
    static final int RETAINED_TO_DAYS = 90;

    private final Places places;
    private final CommunityFigures community;
    private final StageHistory stages;
    private final VolunteerActivity volunteers;
    private final CareFigures care;
    private final NoticeFigures notices;
    private final SupplyFigures supplies;
    private final IndicatorSettings settings;
    private final Clock clock;

    IndicatorBoard(Places places, CommunityFigures community, StageHistory stages, VolunteerActivity volunteers,
                   CareFigures care, NoticeFigures notices, SupplyFigures supplies, IndicatorSettings settings,
                   Clock clock) {
        this.places = places;
        this.community = community;
        this.stages = stages;
        this.volunteers = volunteers;
        this.care = care;
        this.notices = notices;
        this.supplies = supplies;
        this.settings = settings;
        this.clock = clock;
    }

    public int minDenominator() {
        return settings.minDenominator();
    }

    @Override
    public List<IndicatorReading> readings(String communityCode, LocalDate from, LocalDate to) {
        return measure(communityCode, from, to).stream().map(Measurement::reading).toList();
    }

    /** All twelve, in their fixed order; the window runs from the start of {@code from} to the end of {@code to}. */
    public List<Measurement> measure(String communityId, LocalDate from, LocalDate to) {
        var c = places.community(communityId).orElseThrow(org.liandong.platform.OutOfScopeException::new);
        var w = new Window(communityId, c.streetId(), from, to, clock.instant());
        var out = new ArrayList<Measurement>();
        for (var indicator : Indicator.values()) {
            out.add(measure(indicator, w));
        }
        return out;
    }

    /** The community and window one computation reads; {@code end} never lies in the future. */
    record Window(String communityId, String streetId, LocalDate from, LocalDate to, Instant now) {
        Instant start() {
            return from.atStartOfDay(ZONE).toInstant();
        }

        Instant end() {
            var end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
            return end.isAfter(now) ? now : end;
        }

        static LocalDate day(Instant at) {
            return at.atZone(ZONE).toLocalDate();
        }
    }

    private Measurement measure(Indicator i, Window w) {
        return switch (i) {
            case VOLUNTEERS_PER_1000 -> volunteersPer1000(i, w);
            case VULNERABLE_WITH_CARER -> vulnerableWithCarer(i, w);
            case VULNERABLE_REACHED_24H -> vulnerableReached(i, w);
            case HOURS_TO_FIRST_ACCEPTANCE -> hoursToFirstAcceptance(i, w);
            case FULFILLED_WITHIN_72H -> fulfilledWithin72h(i, w);
            case OPEN_OVER_48H_PER_1000 -> openOver48h(i, w);
            case ALERTS_OPENED_6H -> alertsOpened(i, w);
            case RUMOURS_ANSWERED_24H -> rumoursAnswered(i, w);
            case BRIDGING_EXCHANGES, RECIPROCITY -> mutualAid(i, w);
            case HOUSEHOLDS_ACTIVE_30D -> householdsActive(i, w);
            case VOLUNTEERS_RETAINED -> volunteersRetained(i, w);
        };
    }

    private Measurement of(Indicator i, Measurement.Count count, LocalDate from, LocalDate to, Window w) {
        return Measurement.of(i, count, settings.minDenominator(), from, to, w.now());
    }

    private Measurement of(Indicator i, Measurement.Count count, Window w) {
        return of(i, count, w.from(), w.to(), w);
    }

    private Measurement none(Indicator i, String reason, Window w) {
        return Measurement.noData(i, "resilience.indicator.no-data." + reason, w.from(), w.to(), w.now());
    }

    private static Measurement.Count share(double numerator, double denominator) {
        return new Measurement.Count(numerator, denominator, denominator == 0 ? 0 : numerator / denominator, null);
    }

    private static Measurement.Count per1000(double count, double residents) {
        return new Measurement.Count(count, residents, residents == 0 ? 0 : count * 1000 / residents, null);
    }

    // 1
    private Measurement volunteersPer1000(Indicator i, Window w) {
        var residents = community.residents(w.communityId());
        if (residents == 0) {
            return none(i, "no-residents", w);
        }
        if (volunteers.registered(w.communityId()) == 0) {
            return none(i, "no-volunteers", w);
        }
        return of(i, per1000(volunteers.finishedTasks(w.communityId(), w.start(), w.end()).size(), residents), w);
    }

    // 2
    private Measurement vulnerableWithCarer(Indicator i, Window w) {
        var vulnerable = community.vulnerableResidents(w.communityId()).size();
        if (vulnerable == 0) {
            return none(i, "no-vulnerable", w);
        }
        var today = Window.day(w.now());
        return of(i, share(community.vulnerableResidentsWithCarer(w.communityId()).size(), vulnerable), today, today, w);
    }

    // 3
    private Measurement vulnerableReached(Indicator i, Window w) {
        var activation = stages.periods(w.communityId(), Stage.RESPOND).stream()
                .map(StageHistory.Period::since)
                .filter(at -> !at.isBefore(w.start()) && at.isBefore(w.end()))
                .reduce((a, b) -> b);
        if (activation.isEmpty()) {
            return none(i, "no-activation", w);
        }
        var vulnerable = community.vulnerableResidents(w.communityId());
        if (vulnerable.isEmpty()) {
            return none(i, "no-vulnerable", w);
        }
        var reached = new HashSet<>(care.reached(w.communityId(), activation.get(),
                activation.get().plus(CONTACT_WITHIN)));
        reached.retainAll(vulnerable);
        var day = Window.day(activation.get());
        return of(i, share(reached.size(), vulnerable.size()), day, Window.day(activation.get().plus(CONTACT_WITHIN)), w);
    }

    // 4
    private Measurement hoursToFirstAcceptance(Indicator i, Window w) {
        var hours = care.filed(w.communityId(), w.start(), w.end()).stream()
                .filter(r -> r.firstAcceptedAt() != null)
                .mapToDouble(r -> Duration.between(r.createdAt(), r.firstAcceptedAt()).toSeconds() / 3600.0)
                .sorted().toArray();
        if (hours.length == 0) {
            return none(i, "no-accepted-requests", w);
        }
        return of(i, new Measurement.Count(null, hours.length, quantile(hours, 0.5), quantile(hours, 0.9)), w);
    }

    /** The type-7 quantile (linear interpolation between order statistics, as R and NumPy do by default). */
    static double quantile(double[] sorted, double p) {
        var h = (sorted.length - 1) * p;
        var lo = (int) Math.floor(h);
        var hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // 5
    private Measurement fulfilledWithin72h(Indicator i, Window w) {
        var cohort = care.filed(w.communityId(), w.start(), w.end()).stream()
                .filter(r -> !r.createdAt().plus(FULFIL_WITHIN).isAfter(w.now())).toList();
        if (cohort.isEmpty()) {
            return none(i, "no-matured-requests", w);
        }
        var fulfilled = cohort.stream().filter(r -> r.doneAt() != null
                && !r.doneAt().isAfter(r.createdAt().plus(FULFIL_WITHIN))).count();
        return of(i, share(fulfilled, cohort.size()), w);
    }

    // 6
    private Measurement openOver48h(Indicator i, Window w) {
        var at = w.end();
        if (care.filedBefore(w.communityId(), at) == 0) {
            return none(i, "no-requests", w);
        }
        var residents = community.residents(w.communityId());
        if (residents == 0) {
            return none(i, "no-residents", w);
        }
        var day = Window.day(at.minusSeconds(1));
        return of(i, per1000(care.openAt(w.communityId(), at.minus(OPEN_LONGER_THAN), at), residents), day, day, w);
    }

    // 7
    private Measurement alertsOpened(Indicator i, Window w) {
        var reach = notices.alertReach(w.communityId(), w.streetId(), w.start(), w.end(), ALERT_OPENED_WITHIN);
        if (reach.alerts() == 0) {
            return none(i, "no-alerts", w);
        }
        var households = community.households(w.communityId());
        if (households.isEmpty()) {
            return none(i, "no-households", w);
        }
        var opened = new HashSet<>(reach.households());
        opened.retainAll(households);
        return of(i, share(opened.size(), households.size()), w);
    }

    // 8
    private Measurement rumoursAnswered(Indicator i, Window w) {
        var answers = notices.rumourAnswers(w.communityId(), w.start(), w.end(), RUMOUR_ANSWERED_WITHIN);
        if (answers.received() == 0) {
            return none(i, "no-rumours", w);
        }
        return of(i, share(answers.answeredInTime(), answers.received()), w);
    }

    // 9 and 10
    private Measurement mutualAid(Indicator i, Window w) {
        var exchanges = care.done(w.communityId(), w.start(), w.end());
        if (exchanges.isEmpty()) {
            return none(i, "no-exchanges", w);
        }
        var aid = MutualAid.of(exchanges, volunteers, community, w.now());
        return of(i, i == Indicator.BRIDGING_EXCHANGES ? share(aid.bridging(), exchanges.size())
                : share(aid.reciprocal(), aid.active()), w);
    }

    // 11
    private Measurement householdsActive(Indicator i, Window w) {
        var end = w.end();
        var start = end.minus(Duration.ofDays(ACTIVE_DAYS));
        var households = community.households(w.communityId());
        if (households.isEmpty()) {
            return none(i, "no-households", w);
        }
        var active = new HashSet<UUID>();
        active.addAll(notices.readingHouseholds(w.communityId(), w.streetId(), start, end));
        active.addAll(care.requestingHouseholds(w.communityId(), start, end));
        active.addAll(supplies.reservingHouseholds(w.communityId(), start, end));
        active.addAll(MutualAid.householdsOf(volunteers.active(w.communityId(), start, end), volunteers, community));
        active.retainAll(households);
        if (active.isEmpty()) {
            return none(i, "no-household-activity", w);
        }
        return of(i, share(active.size(), households.size()), Window.day(start), Window.day(end.minusSeconds(1)), w);
    }

    // 12
    private Measurement volunteersRetained(Indicator i, Window w) {
        var end = w.end();
        var emergency = stages.periods(w.communityId(), Stage.RESPOND).stream()
                .filter(p -> p.until() != null && !p.until().plus(Period.ofDays(RETAINED_FROM_DAYS)).isAfter(end))
                .reduce((a, b) -> b);
        if (emergency.isEmpty()) {
            return none(i, "no-ended-emergency", w);
        }
        var p = emergency.get();
        var cohort = volunteers.active(w.communityId(), p.since(), nonNull(p.until()));
        if (cohort.isEmpty()) {
            return none(i, "no-emergency-volunteers", w);
        }
        var followFrom = nonNull(p.until()).plus(Period.ofDays(RETAINED_FROM_DAYS));
        var followTo = nonNull(p.until()).plus(Period.ofDays(RETAINED_TO_DAYS));
        if (followTo.isAfter(end)) {
            followTo = end;
        }
        var still = new HashSet<>(volunteers.active(w.communityId(), followFrom, followTo));
        still.retainAll(cohort);
        return of(i, share(still.size(), cohort.size()), Window.day(followFrom), Window.day(followTo.minusSeconds(1)),
                w);
    }

    private static Instant nonNull(@Nullable Instant at) {
        if (at == null) {
            throw new IllegalStateException("period without an end");
        }
        return at;
    }

    /** The three pillar sub-indices (equal-weight means of the measured scores) with their sensitivity. */
    public static List<Pillar> pillars(List<Measurement> measurements) {
        return java.util.Arrays.stream(org.liandong.resilience.Dimension.values())
                .map(d -> Pillar.of(d, measurements.stream().filter(m -> m.indicator().dimension() == d).toList()))
                .toList();
    }
}

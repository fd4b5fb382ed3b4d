package org.liandong.resilience.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.CareFigures;
import org.liandong.community.CommunityFigures;
import org.liandong.volunteer.VolunteerActivity;

/**
 * Mutual aid read from completed help requests (indicators 9 and 10). An exchange is a help request done by a
 * volunteer: the requesting household received, the volunteer gave. The volunteer is found in the registry by the
 * keyed hash of their ID number; a volunteer not registered as a resident counts as living in another building.
 * <ul>
 * <li>bridging: the volunteer lives in another building than the household, or is in another age band than the
 * household's oldest member (bands: under 18, 18–34, 35–59, 60 and over, at the time the help was done);</li>
 * <li>reciprocity: among the households active in mutual aid (received help, or a member gave it; an unregistered
 * volunteer is a unit of their own), those that did both.</li>
 * </ul>
 */
record MutualAid(int bridging, int reciprocal, int active) {

    static MutualAid of(List<CareFigures.RequestFact> exchanges, VolunteerActivity volunteers,
                        CommunityFigures community, Instant now) {
        var facts = volunteers.facts(exchanges.stream().map(CareFigures.RequestFact::volunteerId)
                .filter(Objects::nonNull).toList());
        var residents = community.residentsByIdHash(facts.values().stream()
                .map(VolunteerActivity.VolunteerFact::idNumberHash).toList());
        var households = community.households(exchanges.stream().map(CareFigures.RequestFact::householdId).toList());
        var bridging = 0;
        var receivers = new HashSet<String>();
        var givers = new HashSet<String>();
        for (var e : exchanges) {
            var volunteer = facts.get(e.volunteerId());
            var helper = volunteer == null ? null : residents.get(volunteer.idNumberHash());
            var household = households.get(e.householdId());
            var at = e.doneAt() == null ? now : e.doneAt();
            var otherBuilding = helper == null || household == null || !helper.buildingId().equals(household.buildingId());
            var helperBand = volunteer == null ? null : band(volunteer.birthDate(), at);
            var householdBand = household == null ? null : household.birthDates().stream().min(LocalDate::compareTo)
                    .map(b -> band(b, at)).orElse(null);
            var otherBand = helperBand != null && householdBand != null && !helperBand.equals(householdBand);
            if (otherBuilding || otherBand) {
                bridging++;
            }
            receivers.add("h:" + e.householdId());
            givers.add(helper != null ? "h:" + helper.householdId() : "v:" + e.volunteerId());
        }
        var active = new HashSet<>(receivers);
        active.addAll(givers);
        var both = new HashSet<>(receivers);
        both.retainAll(givers);
        return new MutualAid(bridging, both.size(), active.size());
    }

    /** The registered households of these volunteers (those not found in the registry have none). */
    static Set<UUID> householdsOf(Collection<UUID> volunteerIds, VolunteerActivity volunteers,
                                  CommunityFigures community) {
        var hashes = volunteers.facts(volunteerIds).values().stream().map(VolunteerActivity.VolunteerFact::idNumberHash)
                .toList();
        var out = new HashSet<UUID>();
        community.residentsByIdHash(hashes).values().forEach(r -> out.add(r.householdId()));
        return out;
    }

    static @Nullable Integer band(LocalDate birth, Instant at) {
        var age = Period.between(birth, at.atZone(IndicatorBoard.ZONE).toLocalDate()).getYears();
        return age < 18 ? 0 : age < 35 ? 1 : age < 60 ? 2 : 3;
    }
}

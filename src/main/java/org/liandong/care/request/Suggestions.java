package org.liandong.care.request;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.liandong.account.Accounts;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.TaskStatus;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.stereotype.Service;

/** The volunteers of the request's community ranked by {@link Fit}, with the reasons shown to staff. */
@Service
public class Suggestions {

    public record Suggestion(UUID volunteerId, String name, String maskedPhone, int points, List<Fit.Reason> reasons,
                             boolean full) {
    }

    private final VolunteerDirectory volunteers;
    private final VolunteerTasks tasks;
    private final Accounts accounts;
    private final Registry registry;
    private final Places places;
    private final HelpRequests requests;
    private final Clock clock;

    Suggestions(VolunteerDirectory volunteers, VolunteerTasks tasks, Accounts accounts, Registry registry, Places places,
                HelpRequests requests, Clock clock) {
        this.volunteers = volunteers;
        this.tasks = tasks;
        this.accounts = accounts;
        this.registry = registry;
        this.places = places;
        this.requests = requests;
        this.clock = clock;
    }

    /** A volunteer of the community and what matching knows of them. */
    public record Candidate(VolunteerDirectory.VolunteerView volunteer, Fit.Offer offer) {
    }

    /** Every active volunteer of the community with home, availability now, open tasks and ratings. */
    public List<Candidate> candidates(AccessScope scope, String communityId) {
        var grids = new java.util.HashMap<String, String>();
        places.buildings(communityId).forEach(b -> grids.put(b.buildingGroup(), b.grid()));
        var ratings = requests.ratings(communityId);
        var now = clock.instant().atZone(ServiceHours.ZONE);
        var period = period(now.toLocalTime());
        return volunteers.activeIn(scope, communityId).stream().map(v -> {
            var group = accounts.householdOf(v.userId())
                    .flatMap(h -> registry.communityOfHousehold(h)
                            .map(c -> registry.household(AccessScope.of(List.of(c)), h).buildingGroup()))
                    .orElse(null);
            var open = (int) tasks.mine(v.id()).stream()
                    .filter(t -> t.status() == TaskStatus.OPEN || t.status() == TaskStatus.ACCEPTED).count();
            var rating = ratings.getOrDefault(v.id(), new double[] {0, 0});
            return new Candidate(v, new Fit.Offer(v.categories(), group, group == null ? null : grids.get(group),
                    v.availability().available(now.getDayOfWeek(), period), open, rating[0], (int) rating[1]));
        }).toList();
    }

    public List<Suggestion> suggest(AccessScope scope, HelpRequests.Request request, int limit) {
        var need = new Fit.Need(request.kind(), request.buildingGroup(), request.grid());
        return candidates(scope, request.communityId()).stream()
                .map(c -> {
                    var v = c.volunteer();
                    var score = Fit.score(need, c.offer());
                    return new Suggestion(v.id(), v.name(), v.maskedPhone(), score.points(), score.reasons(),
                            score.full());
                })
                .sorted(Comparator.comparing(Suggestion::full).thenComparing(Comparator.comparingInt(Suggestion::points)
                        .reversed()).thenComparing(Suggestion::name))
                .limit(limit).toList();
    }

    /**
     * "Assign all": matches the community's whole queue at once (priority × fit, under each volunteer's
     * remaining capacity, {@link AssignAll#solve}) and assigns every pair; returns how many were assigned.
     */
    public int assignAll(org.liandong.platform.LiandongUser staff, String communityId) {
        staff.scope().check(communityId);
        var queue = requests.queue(staff.scope(), communityId);
        var candidates = candidates(staff.scope(), communityId);
        var capacity = candidates.stream().mapToInt(c -> Math.max(0, Fit.CAPACITY - c.offer().openTasks())).toArray();
        var ids = new int[queue.size()][];
        var values = new long[queue.size()][];
        for (int r = 0; r < queue.size(); r++) {
            var request = queue.get(r).request();
            var need = new Fit.Need(request.kind(), request.buildingGroup(), request.grid());
            var idx = new java.util.ArrayList<Integer>();
            var val = new java.util.ArrayList<Long>();
            for (int v = 0; v < candidates.size(); v++) {
                var score = Fit.score(need, candidates.get(v).offer());
                if (capacity[v] > 0 && score.points() > 0) {
                    idx.add(v);
                    val.add((long) queue.get(r).priority() * score.points());
                }
            }
            ids[r] = idx.stream().mapToInt(Integer::intValue).toArray();
            values[r] = val.stream().mapToLong(Long::longValue).toArray();
        }
        var result = AssignAll.solve(new AssignAll.Problem(capacity, ids, values));
        var assigned = 0;
        for (int r = 0; r < queue.size(); r++) {
            var v = result.volunteerOf()[r];
            if (v < 0) {
                continue;
            }
            try {
                requests.assign(staff, queue.get(r).request().id(), candidates.get(v).volunteer().id());
                assigned++;
            } catch (org.liandong.platform.InvalidValueException changedMeanwhile) {
                // someone assigned or cancelled it while we matched; the rest go ahead
            }
        }
        return assigned;
    }

    static Availability.Period period(LocalTime time) {
        var h = time.getHour();
        return h >= 6 && h < 14 ? Availability.Period.MORNING : h >= 14 && h < 22 ? Availability.Period.AFTERNOON
                : Availability.Period.NIGHT;
    }
}

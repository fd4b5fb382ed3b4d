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

    public List<Suggestion> suggest(AccessScope scope, HelpRequests.Request request, int limit) {
        var grids = new java.util.HashMap<String, String>();
        places.buildings(request.communityId()).forEach(b -> grids.put(b.buildingGroup(), b.grid()));
        var ratings = requests.ratings(request.communityId());
        var now = clock.instant().atZone(ServiceHours.ZONE);
        var period = period(now.toLocalTime());
        var need = new Fit.Need(request.kind(), request.buildingGroup(), request.grid());
        return volunteers.activeIn(scope, request.communityId()).stream()
                .map(v -> {
                    var group = accounts.householdOf(v.userId())
                            .flatMap(h -> registry.communityOfHousehold(h)
                                    .map(c -> registry.household(AccessScope.of(List.of(c)), h).buildingGroup()))
                            .orElse(null);
                    var open = (int) tasks.mine(v.id()).stream()
                            .filter(t -> t.status() == TaskStatus.OPEN || t.status() == TaskStatus.ACCEPTED).count();
                    var rating = ratings.getOrDefault(v.id(), new double[] {0, 0});
                    var offer = new Fit.Offer(v.categories(), group, group == null ? null : grids.get(group),
                            v.availability().available(now.getDayOfWeek(), period), open, rating[0], (int) rating[1]);
                    var score = Fit.score(need, offer);
                    return new Suggestion(v.id(), v.name(), v.maskedPhone(), score.points(), score.reasons(),
                            score.full());
                })
                .sorted(Comparator.comparing(Suggestion::full).thenComparing(Comparator.comparingInt(Suggestion::points)
                        .reversed()).thenComparing(Suggestion::name))
                .limit(limit).toList();
    }

    static Availability.Period period(LocalTime time) {
        var h = time.getHour();
        return h >= 6 && h < 14 ? Availability.Period.MORNING : h >= 14 && h < 22 ? Availability.Period.AFTERNOON
                : Availability.Period.NIGHT;
    }
}

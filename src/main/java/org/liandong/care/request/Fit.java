package org.liandong.care.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.liandong.care.HelpKind;
import org.liandong.volunteer.VolunteerCategory;

/**
 * How well a volunteer fits a request, with the reasons in words: the right skill, living close (same
 * building group, grid or community), free now, not already loaded with tasks, and thanked well before.
 * Pure arithmetic, so the one-click suggestions and "assign all" agree.
 */
public final class Fit {

    /** More open tasks than this and a volunteer is not suggested. */
    public static final int CAPACITY = 3;

    /** A reason shown beside a suggestion: a message key and its arguments. */
    public record Reason(String key, @Nullable Object arg0, @Nullable Object arg1) {

        static Reason of(String key) {
            return new Reason(key, null, null);
        }
    }

    public record Score(int points, List<Reason> reasons, boolean full) {
    }

    /** Where the request is and what it needs. */
    public record Need(HelpKind kind, String buildingGroup, @Nullable String grid) {
    }

    /** What the matching knows of a volunteer. */
    public record Offer(Set<VolunteerCategory> categories, @Nullable String buildingGroup, @Nullable String grid,
                        boolean availableNow, int openTasks, double rating, int ratings) {
    }

    private Fit() {
    }

    public static Score score(Need need, Offer offer) {
        var points = 0;
        var reasons = new ArrayList<Reason>();
        var skills = need.kind().skills();
        if (skills.isEmpty()) {
            points += 20;
        } else {
            var match = offer.categories().stream().filter(skills::contains).sorted().findFirst();
            if (match.isPresent()) {
                points += 40;
                reasons.add(new Reason("care.fit.skill", match.get().messageKey(), null));
            }
        }
        if (offer.buildingGroup() != null && offer.buildingGroup().equals(need.buildingGroup())) {
            points += 30;
            reasons.add(Reason.of("care.fit.same-building-group"));
        } else if (offer.grid() != null && offer.grid().equals(need.grid())) {
            points += 20;
            reasons.add(Reason.of("care.fit.same-grid"));
        } else {
            points += 10;
            reasons.add(Reason.of("care.fit.same-community"));
        }
        if (offer.availableNow()) {
            points += 15;
            reasons.add(Reason.of("care.fit.available-now"));
        }
        points -= 8 * offer.openTasks();
        reasons.add(new Reason("care.fit.load", offer.openTasks(), null));
        if (offer.ratings() > 0) {
            points += (int) Math.round((offer.rating() - 3) * 5);
            reasons.add(new Reason("care.fit.rating", String.format(java.util.Locale.ROOT, "%.1f", offer.rating()),
                    offer.ratings()));
        }
        return new Score(Math.max(0, points), List.copyOf(reasons), offer.openTasks() >= CAPACITY);
    }
}

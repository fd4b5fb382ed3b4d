package org.liandong.community.web;

import java.util.List;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.community.Stage;
import org.liandong.platform.LiandongUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the stage of the viewer's communities on every page (the layout shows them as badges). */
@ControllerAdvice
class StageAdvice {

    record StageBadge(String communityName, Stage stage) {
    }

    private static final int MAX_BADGES = 3;

    private final Places places;
    private final Registry registry;

    StageAdvice(Places places, Registry registry) {
        this.places = places;
        this.registry = registry;
    }

    @ModelAttribute("stageBadges")
    List<StageBadge> stageBadges(@AuthenticationPrincipal Object principal) {
        if (!(principal instanceof LiandongUser user) || user.scope().everything()) {
            return List.of();
        }
        var scope = user.scope();
        if (scope.communityIds().isEmpty() && user.householdId().isPresent()) {
            // a resident sees the stage of the community they live in
            scope = registry.communityOfHousehold(user.householdId().get())
                    .map(id -> org.liandong.platform.AccessScope.of(List.of(id))).orElse(scope);
        }
        var communities = places.communities(scope);
        if (communities.size() > MAX_BADGES) {
            return List.of(); // street admins see stages on their overview instead of a row of badges
        }
        return communities.stream().map(c -> new StageBadge(c.name(), c.stage())).toList();
    }
}

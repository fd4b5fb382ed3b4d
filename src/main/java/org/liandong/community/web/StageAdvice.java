package org.liandong.community.web;

import java.util.List;
import org.liandong.community.Places;
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

    StageAdvice(Places places) {
        this.places = places;
    }

    @ModelAttribute("stageBadges")
    List<StageBadge> stageBadges(@AuthenticationPrincipal Object principal) {
        if (!(principal instanceof LiandongUser user) || user.scope().everything()) {
            return List.of();
        }
        var communities = places.communities(user.scope());
        if (communities.size() > MAX_BADGES) {
            return List.of(); // street admins see stages on their overview instead of a row of badges
        }
        return communities.stream().map(c -> new StageBadge(c.name(), c.stage())).toList();
    }
}

package org.liandong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.NavigationItem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.WebUtils;

/** What the one layout needs on every page: the person, their navigation, their text size. */
@ControllerAdvice
class LayoutAdvice {

    private final List<NavigationItem> navigation;

    LayoutAdvice(List<NavigationItem> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("largeText")
    boolean largeText(HttpServletRequest request) {
        var cookie = WebUtils.getCookie(request, PreferenceController.TEXT_SIZE_COOKIE);
        return cookie != null && "large".equals(cookie.getValue());
    }

    @ModelAttribute("me")
    LiandongUser me(@AuthenticationPrincipal Object principal) {
        return principal instanceof LiandongUser user ? user : null;
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(@AuthenticationPrincipal Object principal) {
        if (!(principal instanceof LiandongUser user)) {
            return List.of();
        }
        return navigation.stream().filter(item -> item.shownTo(user.roles())).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}

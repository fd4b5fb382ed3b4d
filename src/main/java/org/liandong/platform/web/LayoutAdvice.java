package org.liandong.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

    /** An entry of the top bar: one link, or a group of links that opens on its first. */
    public record NavEntry(@Nullable String group, String messageKey, String href, List<NavigationItem> items,
                           boolean current) {
    }

    /** Above this many links the grouped ones fold into their group's entry. */
    static final int FLAT_UP_TO = 7;

    @ModelAttribute("navBar")
    List<NavEntry> navBar(@AuthenticationPrincipal Object principal, HttpServletRequest request) {
        var items = navigation(principal);
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var flat = items.size() <= FLAT_UP_TO;
        var entries = new java.util.ArrayList<NavEntry>();
        var groups = new java.util.LinkedHashMap<String, java.util.List<NavigationItem>>();
        for (var item : items) {
            if (flat || item.group() == null) {
                entries.add(new NavEntry(null, item.messageKey(), item.href(), List.of(item), item.leadsTo(path)));
            } else if (!groups.containsKey(item.group())) {
                var members = new java.util.ArrayList<NavigationItem>();
                groups.put(item.group(), members);
                entries.add(new NavEntry(item.group(), "nav.group." + item.group(), item.href(), members, false));
            }
            if (!flat && item.group() != null) {
                groups.get(item.group()).add(item);
            }
        }
        return entries.stream().map(e -> e.group() == null ? e : new NavEntry(e.group(), e.messageKey(), e.href(),
                List.copyOf(e.items()), e.items().stream().anyMatch(i -> i.leadsTo(path)))).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}

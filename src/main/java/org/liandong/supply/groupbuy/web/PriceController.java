package org.liandong.supply.groupbuy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdRoll;
import org.liandong.community.Places;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.liandong.supply.groupbuy.GroupBuyingReports;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Price history (everyone of the community: hikes should be visible to those who pay them) and the reports across
 * group orders per building and per supplier (staff), with their spreadsheet.
 */
@Controller
class PriceController {

    private final GroupBuyingReports reports;
    private final Places places;
    private final HouseholdRoll roll;

    PriceController(GroupBuyingReports reports, Places places, HouseholdRoll roll) {
        this.reports = reports;
        this.places = places;
        this.roll = roll;
    }

    @GetMapping("/supply/groupbuy/prices")
    String prices(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                  @RequestParam(defaultValue = "false") boolean street, Model model) {
        var chosen = community(me, community);
        model.addAttribute("community", chosen);
        model.addAttribute("communities", staff(me) ? places.communities(me.scope()) : List.of(chosen));
        model.addAttribute("street", street);
        model.addAttribute("series", reports.prices(chosen.streetId(), street ? null : chosen.id()));
        model.addAttribute("hikePercent", GroupBuyingReports.HIKE_PERCENT);
        return "supply/groupbuy/prices";
    }

    @GetMapping("/supply/groupbuy/reports")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String reports(@AuthenticationPrincipal LiandongUser me,
                   @RequestParam(required = false) @Nullable String community, Model model) {
        var chosen = community(me, community);
        model.addAttribute("community", chosen);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("buildings", reports.byBuilding(chosen.id()));
        model.addAttribute("suppliers", reports.bySupplier(chosen.id()));
        return "supply/groupbuy/reports";
    }

    @GetMapping("/supply/groupbuy/reports.xlsx")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    void reportsXlsx(@AuthenticationPrincipal LiandongUser me,
                     @RequestParam(required = false) @Nullable String community, HttpServletResponse response)
            throws IOException {
        var chosen = community(me, community);
        GroupBuyingController.attachment(response, "group-buying-" + chosen.id() + ".xlsx");
        reports.reports(chosen.streetId(), chosen.id(), LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    /** Staff: a community in scope (the first by default). Others: their household's community. */
    private Places.CommunityView community(LiandongUser me, @Nullable String requested) {
        if (staff(me)) {
            var all = places.communities(me.scope());
            if (all.isEmpty()) {
                throw new OutOfScopeException();
            }
            if (requested == null || requested.isBlank()) {
                return all.getFirst();
            }
            return all.stream().filter(c -> c.id().equals(requested)).findFirst().orElseThrow(OutOfScopeException::new);
        }
        var home = me.householdId().flatMap(roll::household).orElseThrow(OutOfScopeException::new);
        if (requested != null && !requested.isBlank() && !requested.equals(home.communityId())) {
            throw new OutOfScopeException();
        }
        return places.community(home.communityId()).orElseThrow(OutOfScopeException::new);
    }

    private static boolean staff(LiandongUser me) {
        return me.roles().stream().anyMatch(Role::staff);
    }
}

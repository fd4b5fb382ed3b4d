package org.liandong.partner.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.partner.ServiceDirectory;
import org.liandong.partner.ServiceNeed;
import org.liandong.platform.AccessScope;
import org.liandong.platform.LiandongUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The services directory as residents and staff search it. */
@Controller
class DirectoryController {

    private final ServiceDirectory directory;
    private final Places places;

    DirectoryController(ServiceDirectory directory, Places places) {
        this.directory = directory;
        this.places = places;
    }

    @GetMapping("/partner/services")
    String search(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String q,
                  @RequestParam(required = false) @Nullable String need,
                  @RequestParam(required = false) @Nullable String communityId, Model model) {
        var n = OrganisationController.parse(ServiceNeed.class, need);
        var communities = places.communities(me.scope().everything() || !me.scope().communityIds().isEmpty()
                ? me.scope() : AccessScope.all());
        var community = communityId == null || communityId.isBlank() ? null : communityId;
        model.addAttribute("services", directory.search(q, n, community, 100));
        model.addAttribute("needs", ServiceNeed.values());
        model.addAttribute("communities", communities);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("need", n);
        model.addAttribute("communityId", community);
        return "partner/services";
    }

    @GetMapping("/partner/services/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("service", directory.service(id));
        model.addAttribute("withdrawn", directory.withdrawn(id));
        return "partner/service";
    }
}

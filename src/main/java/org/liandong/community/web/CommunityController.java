package org.liandong.community.web;

import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.community.RegistryOverview;
import org.liandong.community.Stage;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The communities in a person's scope, their buildings and their stage. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class CommunityController {

    private final Places places;
    private final Registry registry;
    private final RegistryOverview overview;
    private final LocalisedText text;

    CommunityController(Places places, Registry registry, RegistryOverview overview, LocalisedText text) {
        this.places = places;
        this.registry = registry;
        this.overview = overview;
        this.text = text;
    }

    @GetMapping("/communities")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("figures", overview.figures(me.scope()));
        return "community/communities/list";
    }

    @GetMapping("/communities/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable String id, Model model) {
        me.scope().check(id);
        model.addAttribute("community", places.community(id).orElseThrow(OutOfScopeException::new));
        model.addAttribute("buildings", places.buildings(id));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("canChangeStage", me.role().admin() || me.role() == org.liandong.platform.Role.COMMUNITY_STAFF);
        return "community/communities/show";
    }

    @PostMapping("/communities/{id}/stage")
    @PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN', 'COMMUNITY_STAFF')")
    String changeStage(@AuthenticationPrincipal LiandongUser me, @PathVariable String id, @RequestParam String stage,
                       @RequestParam String reason, RedirectAttributes redirect) {
        Stage to;
        try {
            to = Stage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("error.bad-request");
        }
        try {
            registry.changeStage(me, id, to, reason);
            redirect.addFlashAttribute("ok", "stage.changed");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/communities/" + id;
    }
}

package org.liandong.volunteer.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.volunteer.Teams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff build community prevention teams; volunteers see the teams they are in. */
@Controller
class TeamController {

    private final Teams teams;
    private final Places places;
    private final LocalisedText text;

    TeamController(Teams teams, Places places, LocalisedText text) {
        this.teams = teams;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/volunteer/teams")
    @PreAuthorize("hasRole('STAFF')")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("teams", teams.list(me.scope()));
        model.addAttribute("communities", places.communities(me.scope()));
        return "volunteer/team/list";
    }

    @PostMapping("/volunteer/teams")
    @PreAuthorize("hasRole('STAFF')")
    String create(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String communityId,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String purpose,
                  RedirectAttributes redirect) {
        try {
            var id = teams.create(me.scope(), communityId, name, purpose);
            redirect.addFlashAttribute("ok", "volunteer.team.created");
            return "redirect:/volunteer/teams/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/volunteer/teams";
        }
    }

    @GetMapping("/volunteer/teams/{id}")
    @PreAuthorize("hasRole('STAFF')")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("team", teams.team(me.scope(), id));
        model.addAttribute("candidates", teams.candidates(me.scope(), id));
        return "volunteer/team/show";
    }

    @PostMapping("/volunteer/teams/{id}/members")
    @PreAuthorize("hasRole('STAFF')")
    String add(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
               @RequestParam(required = false) @Nullable List<UUID> volunteerIds, RedirectAttributes redirect) {
        try {
            int added = teams.addMembers(me.scope(), id, volunteerIds == null ? List.of() : volunteerIds);
            redirect.addFlashAttribute("added", added);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/teams/" + id;
    }

    @PostMapping("/volunteer/teams/{id}/members/{volunteerId}/remove")
    @PreAuthorize("hasRole('STAFF')")
    String remove(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @PathVariable UUID volunteerId,
                  RedirectAttributes redirect) {
        teams.removeMember(me.scope(), id, volunteerId);
        redirect.addFlashAttribute("ok", "volunteer.team.removed");
        return "redirect:/volunteer/teams/" + id;
    }

    @PostMapping("/volunteer/teams/{id}/members/{volunteerId}/roles")
    @PreAuthorize("hasRole('STAFF')")
    String roles(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @PathVariable UUID volunteerId,
                 @RequestParam(defaultValue = "false") String leader,
                 @RequestParam(defaultValue = "false") String residentLeader, RedirectAttributes redirect) {
        teams.setRoles(me.scope(), id, volunteerId, "true".equals(leader), "true".equals(residentLeader));
        redirect.addFlashAttribute("ok", "volunteer.team.roles-saved");
        return "redirect:/volunteer/teams/" + id;
    }

    @GetMapping("/volunteer/me/teams")
    String mine(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("memberships", teams.teamsOf(me.userId()));
        return "volunteer/team/mine";
    }
}

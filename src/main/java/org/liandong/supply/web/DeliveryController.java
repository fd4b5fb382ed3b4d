package org.liandong.supply.web;

import java.util.UUID;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.Role;
import org.liandong.supply.Deliveries;
import org.liandong.supply.SupplyDesk;
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

/**
 * Delivery lists for vulnerable households, per building group: the building-group leader (or staff) confirms each
 * delivery at the door; staff hand a building group's list to a volunteer team as a task.
 */
@Controller
@PreAuthorize("hasAnyRole('STAFF', 'BUILDING_GROUP_LEADER')")
class DeliveryController {

    private final SupplyDesk desk;
    private final Deliveries deliveries;
    private final Teams teams;
    private final LocalisedText text;

    DeliveryController(SupplyDesk desk, Deliveries deliveries, Teams teams, LocalisedText text) {
        this.desk = desk;
        this.deliveries = deliveries;
        this.teams = teams;
        this.text = text;
    }

    @GetMapping("/supply/deliveries")
    String rounds(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("rounds", desk.rounds(me.scope()).stream().filter(r -> r.exemptDelivery()).toList());
        return "supply/delivery-rounds";
    }

    @GetMapping("/supply/rounds/{id}/deliveries")
    String list(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("round", desk.round(me.scope(), id));
        model.addAttribute("groups", deliveries.list(me, id));
        boolean staff = me.roles().stream().anyMatch(Role::staff);
        model.addAttribute("staff", staff);
        model.addAttribute("teams", staff ? teams.list(me.scope()) : java.util.List.of());
        return "supply/deliveries";
    }

    @PostMapping("/supply/deliveries/{reservationId}/confirm")
    String confirm(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID reservationId,
                   @RequestParam UUID round, RedirectAttributes redirect) {
        try {
            deliveries.confirm(me, reservationId);
            redirect.addFlashAttribute("ok", "supply.delivery.confirmed");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/rounds/" + round + "/deliveries";
    }

    @PostMapping("/supply/rounds/{id}/deliveries/task")
    @PreAuthorize("hasRole('STAFF')")
    String task(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam String buildingGroup,
                @RequestParam String team, RedirectAttributes redirect) {
        try {
            deliveries.task(me, id, buildingGroup, "t:" + team);
            redirect.addFlashAttribute("ok", "supply.delivery.task-created");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/rounds/" + id + "/deliveries";
    }
}

package org.liandong.supply.groupbuy.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.supply.groupbuy.GroupBuying;
import org.liandong.supply.groupbuy.GroupDistribution;
import org.liandong.supply.groupbuy.HouseholdOrder;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerDirectory;
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
 * The distribution checklist of a delivered group order, per building group: tick each household when its packs
 * are handed over, give vulnerable households' packs to volunteers as a task, record payments (offline references).
 */
@Controller
@PreAuthorize(GroupBuyingController.LEADER_OR_STAFF)
class DistributionController {

    private final GroupBuying buying;
    private final GroupDistribution distribution;
    private final Teams teams;
    private final VolunteerDirectory volunteers;
    private final LocalisedText text;

    DistributionController(GroupBuying buying, GroupDistribution distribution, Teams teams,
                           VolunteerDirectory volunteers, LocalisedText text) {
        this.buying = buying;
        this.distribution = distribution;
        this.teams = teams;
        this.volunteers = volunteers;
        this.text = text;
    }

    @GetMapping("/supply/groupbuy/{id}/checklist")
    String checklist(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var order = buying.managed(me, id);
        model.addAttribute("order", order);
        model.addAttribute("packs", buying.packs(id));
        model.addAttribute("groups", distribution.checklist(me, id));
        model.addAttribute("unpaid", distribution.unpaid(me, id));
        model.addAttribute("teams", teams.list(me.scope()).stream()
                .filter(t -> t.communityId().equals(order.communityId())).toList());
        model.addAttribute("volunteers", volunteers.activeIn(me.scope(), order.communityId()));
        model.addAttribute("methods", HouseholdOrder.PaymentMethod.values());
        return "supply/groupbuy/checklist";
    }

    @PostMapping("/supply/groupbuy/households/{householdOrderId}/hand-over")
    String handOver(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID householdOrderId,
                    RedirectAttributes redirect) {
        return onHousehold(householdOrderId, redirect, "groupbuy.hand.done",
                () -> distribution.handOver(me, householdOrderId));
    }

    @PostMapping("/supply/groupbuy/households/{householdOrderId}/payment")
    String payment(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID householdOrderId,
                   @RequestParam(required = false) @Nullable String method,
                   @RequestParam(required = false) @Nullable String reference,
                   @RequestParam(required = false) @Nullable String amount, RedirectAttributes redirect) {
        return onHousehold(householdOrderId, redirect, "groupbuy.pay.done",
                () -> distribution.recordPayment(me, householdOrderId, method, reference, amount));
    }

    /** Does something to one household's order and goes back to its line of the checklist, with the outcome. */
    private String onHousehold(UUID householdOrderId, RedirectAttributes redirect, String okKey, Runnable action) {
        var h = buying.householdOrder(householdOrderId).orElseThrow(OutOfScopeException::new);
        try {
            action.run();
            redirect.addFlashAttribute("ok", okKey);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/groupbuy/" + h.orderId() + "/checklist#h-" + householdOrderId;
    }

    @PostMapping("/supply/groupbuy/{id}/task")
    String task(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(required = false) @Nullable String buildingGroup,
                @RequestParam(required = false) @Nullable String assignee, RedirectAttributes redirect) {
        try {
            distribution.volunteerTask(me, id, buildingGroup == null ? "" : buildingGroup, assignee);
            redirect.addFlashAttribute("ok", "groupbuy.task.done");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/groupbuy/" + id + "/checklist";
    }
}

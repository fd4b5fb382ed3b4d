package org.liandong.partner.web;

import java.util.UUID;
import org.liandong.partner.CoordinationBoard;
import org.liandong.partner.PartnerHistory;
import org.liandong.partner.Partners;
import org.liandong.partner.ServiceDirectory;
import org.liandong.partner.ServiceNeed;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.web.FormPost;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff correct and withdraw services, offers and needs; each change goes to the item's history. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class EditController {

    private final ServiceDirectory directory;
    private final Partners partners;
    private final CoordinationBoard board;
    private final PartnerHistory history;
    private final FormPost post;

    EditController(ServiceDirectory directory, Partners partners, CoordinationBoard board, PartnerHistory history,
                   FormPost post) {
        this.directory = directory;
        this.partners = partners;
        this.board = board;
        this.history = history;
        this.post = post;
    }

    @GetMapping("/partner/services/{id}/edit")
    String editService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var service = directory.serviceIn(me.scope(), id);
        model.addAttribute("service", service);
        model.addAttribute("withdrawn", directory.withdrawn(id));
        model.addAttribute("served", partners.organisation(me.scope(), service.organisationId()).communities());
        model.addAttribute("needs", ServiceNeed.values());
        model.addAttribute("languages", ServiceDirectory.LANGUAGES);
        model.addAttribute("history", history.of(id));
        model.addAttribute("base", "/partner/services/" + id);
        return "partner/service-edit";
    }

    @PostMapping("/partner/services/{id}/edit")
    String saveService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, ServiceForm form,
                       RedirectAttributes redirect) {
        return post.run(redirect, "partner.service.saved", "/partner/services/" + id + "/edit",
                () -> directory.update(me.scope(), id, form.toService(), me.displayName()));
    }

    @PostMapping("/partner/services/{id}/withdraw")
    String withdrawService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                           @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return post.run(redirect, "partner.withdrawn.done", "/partner/services/" + id + "/edit",
                () -> directory.withdraw(me.scope(), id, reason, me.displayName()));
    }

    @PostMapping("/partner/offers/{id}/edit")
    String editOffer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                     @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String quantity,
                     @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String conditions,
                     @RequestParam(defaultValue = "") String availableUntil, RedirectAttributes redirect) {
        return post.run(redirect, "partner.offer.saved", "/partner/offers/" + id,
                () -> board.editOffer(me, id, item, quantity, unit, conditions, availableUntil));
    }

    @PostMapping("/partner/offers/{id}/withdraw")
    String withdrawOffer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                         @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return post.run(redirect, "partner.withdrawn.done", "/partner/offers/" + id,
                () -> board.withdrawOffer(me, id, reason));
    }

    @GetMapping("/partner/needs/{id}")
    String need(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("need", board.need(me.scope(), id));
        model.addAttribute("history", history.of(id));
        return "partner/need";
    }

    @PostMapping("/partner/needs/{id}/edit")
    String editNeed(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                    @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String quantity,
                    @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "false") String urgent,
                    @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return post.run(redirect, "partner.need.saved", "/partner/needs/" + id,
                () -> board.editNeed(me, id, item, quantity, unit, "true".equals(urgent), note));
    }

    @PostMapping("/partner/needs/{id}/withdraw")
    String withdrawNeed(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                        @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return post.run(redirect, "partner.withdrawn.done", "/partner/needs/" + id,
                () -> board.withdrawNeed(me, id, reason));
    }
}

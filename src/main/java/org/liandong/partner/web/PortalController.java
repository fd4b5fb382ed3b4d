package org.liandong.partner.web;

import java.util.UUID;
import org.liandong.partner.PartnerHistory;
import org.liandong.partner.PartnerPortal;
import org.liandong.partner.Partners;
import org.liandong.partner.ResourceKind;
import org.liandong.partner.ServiceDirectory;
import org.liandong.partner.ServiceNeed;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A partner organisation's contact: its own profile, services, offers, matches and hand-overs. */
@Controller
@PreAuthorize("hasRole('PARTNER')")
class PortalController {

    private final PartnerPortal portal;
    private final PartnerHistory history;
    private final LocalisedText text;

    PortalController(PartnerPortal portal, PartnerHistory history, LocalisedText text) {
        this.portal = portal;
        this.history = history;
        this.text = text;
    }

    @GetMapping("/partner/my")
    String mine(@AuthenticationPrincipal LiandongUser me, Model model) {
        var org = portal.mine(me);
        model.addAttribute("org", org);
        model.addAttribute("services", portal.services(me));
        model.addAttribute("offers", portal.offers(me));
        model.addAttribute("matches", portal.matches(me));
        model.addAttribute("history", history.of(org.id()));
        model.addAttribute("needs", ServiceNeed.values());
        model.addAttribute("languages", ServiceDirectory.LANGUAGES);
        model.addAttribute("resourceKinds", ResourceKind.values());
        return "partner/my";
    }

    @PostMapping("/partner/my/profile")
    String profile(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String name,
                   @RequestParam(defaultValue = "") String registrationNumber,
                   @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String website,
                   @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                   RedirectAttributes redirect) {
        return act(redirect, "partner.profile.saved", "/partner/my", () -> portal.editProfile(me,
                new Partners.NewOrganisation("", "", name, registrationNumber, description, website, email, phone)));
    }

    @PostMapping("/partner/my/services")
    String addService(@AuthenticationPrincipal LiandongUser me, ServiceForm form, RedirectAttributes redirect) {
        return act(redirect, "partner.service.added", "/partner/my#services",
                () -> portal.addService(me, form.toService()));
    }

    @GetMapping("/partner/my/services/{id}")
    String service(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var service = portal.service(me, id);
        model.addAttribute("service", service);
        model.addAttribute("withdrawn", service.status() == org.liandong.partner.ServiceStatus.DEFUNCT);
        model.addAttribute("served", portal.mine(me).communities());
        model.addAttribute("needs", ServiceNeed.values());
        model.addAttribute("languages", ServiceDirectory.LANGUAGES);
        model.addAttribute("history", history.of(id));
        model.addAttribute("base", "/partner/my/services/" + id);
        return "partner/service-edit";
    }

    @PostMapping("/partner/my/services/{id}/edit")
    String editService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, ServiceForm form,
                       RedirectAttributes redirect) {
        return act(redirect, "partner.service.saved", "/partner/my/services/" + id,
                () -> portal.editService(me, id, form.toService()));
    }

    @PostMapping("/partner/my/services/{id}/withdraw")
    String withdrawService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                           @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, "partner.withdrawn.done", "/partner/my/services/" + id,
                () -> portal.withdrawService(me, id, reason));
    }

    @PostMapping("/partner/my/offers")
    String postOffer(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String kind,
                     @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String quantity,
                     @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String conditions,
                     @RequestParam(defaultValue = "") String availableUntil, RedirectAttributes redirect) {
        return act(redirect, "partner.offer.recorded", "/partner/my#offers",
                () -> portal.postOffer(me, kind, item, quantity, unit, conditions, availableUntil));
    }

    @PostMapping("/partner/my/offers/{id}/withdraw")
    String withdrawOffer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                         @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, "partner.withdrawn.done", "/partner/my#offers", () -> portal.withdrawOffer(me, id, reason));
    }

    /** Runs the change; a refusal becomes the page's message. Out-of-scope ids still answer 404. */
    private String act(RedirectAttributes redirect, String ok, String back, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("ok", ok);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:" + back;
    }
}

package org.liandong.partner.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.partner.Contracts;
import org.liandong.partner.CoordinationBoard;
import org.liandong.partner.OrganisationKind;
import org.liandong.partner.OrganisationStatus;
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

/** Staff register the street's partners, their contacts, communities and services; admins vet them. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class OrganisationController {

    private final Partners partners;
    private final ServiceDirectory directory;
    private final CoordinationBoard board;
    private final Contracts contracts;
    private final Places places;
    private final LocalisedText text;
    private final PartnerPortal portal;
    private final PartnerHistory history;

    OrganisationController(Partners partners, ServiceDirectory directory, CoordinationBoard board,
                           Contracts contracts, Places places, LocalisedText text, PartnerPortal portal,
                           PartnerHistory history) {
        this.portal = portal;
        this.history = history;
        this.partners = partners;
        this.contracts = contracts;
        this.directory = directory;
        this.board = board;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/partner/organisations")
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String kind,
                @RequestParam(required = false) @Nullable String status, Model model) {
        var k = parse(OrganisationKind.class, kind);
        var s = parse(OrganisationStatus.class, status);
        model.addAttribute("organisations", partners.list(me.scope(), k, s));
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("statuses", OrganisationStatus.values());
        model.addAttribute("kind", k);
        model.addAttribute("status", s);
        model.addAttribute("streets", partners.streets(me.scope()));
        model.addAttribute("admin", me.role().admin());
        return "partner/organisations";
    }

    @PostMapping("/partner/organisations")
    String register(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String streetId,
                    @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String registrationNumber,
                    @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String website,
                    @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                    RedirectAttributes redirect) {
        try {
            var id = partners.register(me, new Partners.NewOrganisation(streetId, kind, name, registrationNumber,
                    description, website, email, phone));
            redirect.addFlashAttribute("ok", "partner.organisation.registered");
            return "redirect:/partner/organisations/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            redirect.addFlashAttribute("form", new Partners.NewOrganisation(streetId, kind, name, registrationNumber,
                    description, website, email, phone));
            return "redirect:/partner/organisations";
        }
    }

    @GetMapping("/partner/organisations/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        return page(me, id, model);
    }

    /** Shows the contacts' full phone numbers on this one response (never stored in the session); audited. */
    @PostMapping("/partner/organisations/{id}/contacts/reveal")
    String reveal(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("revealed", partners.revealContacts(me, id));
        return page(me, id, model);
    }

    private String page(LiandongUser me, UUID id, Model model) {
        var org = partners.organisation(me.scope(), id);
        model.addAttribute("org", org);
        model.addAttribute("services", directory.ofOrganisation(me.scope(), id));
        model.addAttribute("offers", board.offersOf(me.scope(), id));
        model.addAttribute("contracts", contracts.of(me, id));
        model.addAttribute("communities", places.communities(me.scope()).stream()
                .filter(c -> c.streetId().equals(org.streetId())).toList());
        model.addAttribute("servedIds", org.communities().stream().map(Partners.ServedCommunity::id).toList());
        model.addAttribute("statuses", OrganisationStatus.values());
        model.addAttribute("needs", ServiceNeed.values());
        model.addAttribute("languages", ServiceDirectory.LANGUAGES);
        model.addAttribute("resourceKinds", ResourceKind.values());
        model.addAttribute("admin", me.role().admin());
        model.addAttribute("accounts", portal.accountsOf(me, id));
        model.addAttribute("history", history.of(id));
        return "partner/organisation";
    }

    @PostMapping("/partner/organisations/{id}/contacts")
    String addContact(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String title,
                      @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
                      RedirectAttributes redirect) {
        try {
            partners.addContact(me.scope(), id, name, title, phone, email);
            redirect.addFlashAttribute("ok", "partner.contact.added");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id + "#contacts";
    }

    @PostMapping("/partner/organisations/{id}/communities")
    String serve(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                 @RequestParam(required = false) @Nullable List<String> communityIds, RedirectAttributes redirect) {
        try {
            partners.serve(me.scope(), id, communityIds == null ? List.of() : communityIds);
            redirect.addFlashAttribute("ok", "partner.communities.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id;
    }

    @PostMapping("/partner/organisations/{id}/review")
    @PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
    String review(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        try {
            partners.review(me, id, status, note);
            redirect.addFlashAttribute("ok", "partner.organisation.reviewed");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id;
    }

    @PostMapping("/partner/organisations/{id}/services")
    String addService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, ServiceForm form,
                      RedirectAttributes redirect) {
        try {
            var service = directory.add(me.scope(), id, form.toService());
            redirect.addFlashAttribute("ok", "partner.service.added");
            redirect.addFlashAttribute("serviceId", service);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id + "#services";
    }

    @PostMapping("/partner/organisations/{id}/edit")
    String edit(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String registrationNumber,
                @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String website,
                @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
                RedirectAttributes redirect) {
        try {
            partners.edit(me, id, new Partners.NewOrganisation("", "", name, registrationNumber, description, website,
                    email, phone));
            redirect.addFlashAttribute("ok", "partner.profile.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id;
    }

    @PostMapping("/partner/organisations/{id}/accounts")
    String createAccount(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                         @RequestParam(defaultValue = "") String username,
                         @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        try {
            portal.createAccount(me, id, username, displayName, password);
            redirect.addFlashAttribute("ok", "partner.accounts.created");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id + "#partner-accounts";
    }

    @PostMapping("/partner/organisations/{id}/contracts")
    @PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
    String sign(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(defaultValue = "") String project, @RequestParam(defaultValue = "") String startsOn,
                @RequestParam(defaultValue = "") String endsOn, @RequestParam(defaultValue = "") String budget,
                @RequestParam(defaultValue = "") String deliverables,
                @RequestParam(required = false) @Nullable List<String> communityIds, RedirectAttributes redirect) {
        try {
            contracts.sign(me, id, project, startsOn, endsOn, budget, deliverables,
                    communityIds == null ? List.of() : communityIds);
            redirect.addFlashAttribute("ok", "partner.contract.signed");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id + "#contracts";
    }

    @PostMapping("/partner/organisations/{id}/contracts/{contractId}/progress")
    String report(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @PathVariable UUID contractId,
                  @RequestParam(defaultValue = "") String percent, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        try {
            contracts.report(me, contractId, percent, note);
            redirect.addFlashAttribute("ok", "partner.contract.reported");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations/" + id + "#contracts";
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst().orElse(null);
    }
}

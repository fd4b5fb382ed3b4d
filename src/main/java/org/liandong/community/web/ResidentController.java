package org.liandong.community.web;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.CarerRelation;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.community.ResidentDirectory;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.LiandongUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff find residents and look after their vulnerabilities and carers. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ResidentController {

    static final int PAGE_SIZE = 20;

    private final ResidentDirectory directory;
    private final Registry registry;
    private final Places places;
    private final LocalisedText text;

    ResidentController(ResidentDirectory directory, Registry registry, Places places, LocalisedText text) {
        this.directory = directory;
        this.registry = registry;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/residents")
    String search(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String q,
                  @RequestParam(required = false) @Nullable String community,
                  @RequestParam(required = false) @Nullable String buildingGroup,
                  @RequestParam(required = false) @Nullable String tag,
                  @RequestParam(defaultValue = "false") boolean vulnerable,
                  @RequestParam(defaultValue = "false") boolean withoutCarer,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var kind = tag == null || tag.isBlank() ? null : VulnerabilityKind.fromCode(tag).orElse(null);
        var query = new ResidentDirectory.Query(trim(q, 60), community, trim(buildingGroup, 50), kind, vulnerable,
                withoutCarer);
        model.addAttribute("result", directory.search(me.scope(), query, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("tags", VulnerabilityKind.values());
        var communities = places.communities(me.scope());
        model.addAttribute("communities", communities);
        model.addAttribute("buildingGroups", community != null && !community.isBlank() && me.scope().covers(community)
                ? places.buildingGroupNames(community) : List.of());
        model.addAttribute("link", link(query));
        return htmx != null ? "community/residents/list :: results" : "community/residents/list";
    }

    @GetMapping("/vulnerable")
    String vulnerable() {
        return "redirect:/residents?vulnerable=true";
    }

    @GetMapping("/residents/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("resident", registry.resident(me.scope(), id));
        model.addAttribute("tags", VulnerabilityKind.values());
        model.addAttribute("carerRelations", CarerRelation.values());
        model.addAttribute("housemates", registry.household(me.scope(), registry.householdOf(id).orElseThrow()).members()
                .stream().filter(m -> !m.id().equals(id)).toList());
        return "community/residents/show";
    }

    @PostMapping("/residents/{id}/unmask")
    String unmask(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam String reason,
                  Model model) {
        try {
            model.addAttribute("idNumber", registry.unmaskIdNumber(me, id, reason));
        } catch (InvalidValueException e) {
            model.addAttribute("unmaskProblem", text.of(e));
        }
        return show(me, id, model);
    }

    @PostMapping("/residents/{id}/tags")
    String tags(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(required = false) @Nullable List<String> kinds,
                @RequestParam(required = false) @Nullable String grade, RedirectAttributes redirect) {
        var set = EnumSet.noneOf(VulnerabilityKind.class);
        if (kinds != null) {
            kinds.forEach(k -> set.add(VulnerabilityKind.fromCode(k)
                    .orElseThrow(() -> new InvalidValueException("error.bad-request"))));
        }
        registry.setTags(me.scope(), id, set, grade);
        redirect.addFlashAttribute("ok", "resident.tags.saved");
        return "redirect:/residents/" + id;
    }

    @PostMapping("/residents/{id}/carers")
    String addCarer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                    @RequestParam(required = false) @Nullable UUID carerResidentId,
                    @RequestParam(required = false) @Nullable String carerName,
                    @RequestParam(required = false) @Nullable String carerPhone,
                    @RequestParam String relation, RedirectAttributes redirect) {
        CarerRelation rel;
        try {
            rel = CarerRelation.valueOf(relation);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("error.bad-request");
        }
        try {
            registry.addCarer(me.scope(), id, carerResidentId, carerName, carerPhone, rel);
            redirect.addFlashAttribute("ok", "resident.carer.added");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/residents/" + id;
    }

    @PostMapping("/residents/{id}/contact")
    String contact(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam(required = false) @Nullable String phone,
                   @RequestParam(required = false) @Nullable String needs, RedirectAttributes redirect) {
        try {
            registry.updateContact(me.scope(), id, phone, needs);
            redirect.addFlashAttribute("ok", "resident.contact.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/residents/" + id;
    }

    @PostMapping("/residents/{id}/move-out")
    String moveOut(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam java.time.LocalDate on, RedirectAttributes redirect) {
        try {
            registry.moveOut(me.scope(), id, on);
            redirect.addFlashAttribute("ok", "resident.moved-out.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/residents/" + id;
    }

    @PostMapping("/carers/{linkId}/remove")
    String removeCarer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID linkId,
                       RedirectAttributes redirect) {
        var dependant = registry.removeCarer(me.scope(), linkId);
        redirect.addFlashAttribute("ok", "resident.carer.removed");
        return "redirect:/residents/" + dependant;
    }

    @GetMapping("/households/{id}")
    String household(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("household", registry.household(me.scope(), id));
        return "community/households/show";
    }

    static @Nullable String trim(@Nullable String s, int max) {
        if (s == null) {
            return null;
        }
        var t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    static String link(ResidentDirectory.Query q) {
        var filters = q.queryString(true);
        return "/residents?" + (filters.isEmpty() ? "" : filters + "&");
    }
}

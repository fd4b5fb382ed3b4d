package org.liandong.resilience.playbook;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.resilience.Dimension;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * A community's playbook (tick items off in place with htmx, name owners, move due dates, attach evidence, add
 * items) and the street's overview of progress. Staff and social workers of the community; street admins.
 */
@Controller
@PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
class PlaybookController {

    /** One community's line in the street overview. */
    record Progress(Places.CommunityView community, Playbook.Round round, int overdue) {
        public int percent() {
            return round.items().isEmpty() ? 0 : 100 * round.done() / round.items().size();
        }

        public String done(Dimension d) {
            var items = round.of(d);
            return items.stream().filter(Playbook.Item::done).count() + "/" + items.size();
        }
    }

    private final Playbook playbook;
    private final Places places;
    private final LocalisedText text;

    PlaybookController(Playbook playbook, Places places, LocalisedText text) {
        this.playbook = playbook;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/resilience/playbook")
    String index(@AuthenticationPrincipal LiandongUser me) {
        var communities = places.communities(me.scope());
        if (communities.size() == 1) {
            return "redirect:/resilience/playbook/" + communities.getFirst().id();
        }
        var street = communities.stream().map(Places.CommunityView::streetId).findFirst()
                .orElseThrow(OutOfScopeException::new);
        return "redirect:/resilience/playbook/street/" + street;
    }

    @GetMapping("/resilience/playbook/{communityId}")
    String community(@AuthenticationPrincipal LiandongUser me, @PathVariable String communityId, Model model) {
        me.scope().check(communityId);
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        playbook.current(communityId);
        var rounds = playbook.rounds(communityId);
        model.addAttribute("community", community);
        model.addAttribute("round", rounds.getFirst());
        model.addAttribute("history", rounds.subList(1, rounds.size()));
        model.addAttribute("owners", playbook.owners(communityId));
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("today", playbook.today());
        return "resilience/playbook/community";
    }

    @GetMapping("/resilience/playbook/street/{streetId}")
    String street(@AuthenticationPrincipal LiandongUser me, @PathVariable String streetId, Model model) {
        var street = places.street(streetId).orElseThrow(OutOfScopeException::new);
        var communities = places.communities(me.scope()).stream().filter(c -> c.streetId().equals(streetId)).toList();
        if (communities.isEmpty()) {
            throw new OutOfScopeException();
        }
        var today = playbook.today();
        model.addAttribute("street", street);
        model.addAttribute("lines", communities.stream().map(c -> {
            var round = playbook.current(c.id());
            return new Progress(c, round, round.overdue(today));
        }).toList());
        model.addAttribute("dimensions", Dimension.values());
        return "resilience/playbook/street";
    }

    @PostMapping("/resilience/playbook/items/{id}/done")
    String done(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(defaultValue = "false") boolean done, @RequestHeader(value = "HX-Request", required = false)
                @Nullable String htmx, Model model, RedirectAttributes redirect) {
        return change(me, id, htmx, model, redirect, "resilience-playbook.saved", () -> playbook.tick(me, id, done));
    }

    @PostMapping("/resilience/playbook/items/{id}")
    String edit(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(required = false) @Nullable String owner,
                @RequestParam(required = false) @Nullable String due,
                @RequestParam(required = false) @Nullable String evidence,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
                RedirectAttributes redirect) {
        return change(me, id, htmx, model, redirect, "resilience-playbook.saved",
                () -> playbook.edit(me, id, owner, parse(due), evidence));
    }

    @PostMapping("/resilience/playbook/{communityId}/items")
    String add(@AuthenticationPrincipal LiandongUser me, @PathVariable String communityId,
               @RequestParam(required = false) @Nullable String dimension,
               @RequestParam(required = false) @Nullable String title,
               @RequestParam(required = false) @Nullable String owner,
               @RequestParam(required = false) @Nullable String due, RedirectAttributes redirect) {
        try {
            playbook.add(me, communityId, dimension, title, owner, parse(due));
            redirect.addFlashAttribute("ok", "resilience-playbook.added");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            redirect.addFlashAttribute("draftTitle", title);
        }
        return "redirect:/resilience/playbook/" + communityId;
    }

    private String change(LiandongUser me, UUID id, @Nullable String htmx, Model model, RedirectAttributes redirect,
                          String okKey, Supplier<Playbook.Item> action) {
        Playbook.Item item;
        String problem = null;
        try {
            item = action.get();
        } catch (InvalidValueException e) {
            problem = text.of(e);
            item = playbook.item(me, id);
        }
        if (htmx == null) {
            if (problem == null) {
                redirect.addFlashAttribute("ok", okKey);
            } else {
                redirect.addFlashAttribute("problem", problem);
            }
            return "redirect:/resilience/playbook/" + item.communityId();
        }
        model.addAttribute("item", item);
        model.addAttribute("problem", problem);
        model.addAttribute("saved", problem == null);
        model.addAttribute("owners", playbook.owners(item.communityId()));
        model.addAttribute("today", playbook.today());
        var current = playbook.current(item.communityId());
        model.addAttribute("progressRound", current.id().equals(item.roundId()) ? current : null);
        return "resilience/playbook/community :: changed";
    }

    private static @Nullable LocalDate parse(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("resilience-playbook.problem.due-format");
        }
    }
}

package org.liandong.partner.web;

import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.partner.StreetResources;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The street admin moves stock and lends volunteers between communities (from the coordination board). */
@Controller
@PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
class MovesController {

    private final StreetResources resources;
    private final Places places;
    private final LocalisedText text;

    MovesController(StreetResources resources, Places places, LocalisedText text) {
        this.resources = resources;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/partner/moves")
    String moves(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String from,
                 Model model) {
        var communities = places.communities(me.scope());
        model.addAttribute("communities", communities);
        model.addAttribute("loans", resources.loans(communities));
        var chosen = communities.stream().filter(c -> c.id().equals(from)).findFirst().orElse(null);
        model.addAttribute("from", chosen);
        if (chosen != null) {
            model.addAttribute("stock", resources.stock(java.util.List.of(chosen)).getOrDefault(chosen.id(),
                    java.util.List.of()));
            model.addAttribute("lendable", resources.lendable(me, chosen.id()));
            model.addAttribute("others", communities.stream()
                    .filter(c -> c.streetId().equals(chosen.streetId()) && !c.id().equals(chosen.id())).toList());
        }
        return "partner/moves";
    }

    @PostMapping("/partner/moves/stock")
    String moveStock(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String from,
                     @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String item,
                     @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String quantity,
                     @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            resources.moveStock(me, from, to, item, unit, quantity, note);
            redirect.addFlashAttribute("ok", "partner.moves.stock-moved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return back(from);
    }

    @PostMapping("/partner/moves/volunteers")
    String lend(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String who, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
                @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            resources.lend(me, from, who, to, startsOn, endsOn, note);
            redirect.addFlashAttribute("ok", "partner.moves.lent");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return back(from);
    }

    private static String back(String from) {
        return "redirect:" + UriComponentsBuilder.fromPath("/partner/moves").queryParam("from", from).build()
                .encode().toUriString();
    }
}

package org.liandong.partner.web;

import java.util.UUID;
import org.liandong.community.Places;
import org.liandong.partner.CoordinationBoard;
import org.liandong.partner.ResourceKind;
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

/** The street's coordination board: needs posted by communities, partners' offers, matches and hand-overs. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class BoardController {

    private final CoordinationBoard board;
    private final Places places;
    private final LocalisedText text;
    private final org.liandong.partner.PartnerHistory history;

    BoardController(CoordinationBoard board, Places places, LocalisedText text,
                    org.liandong.partner.PartnerHistory history) {
        this.history = history;
        this.board = board;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/partner/board")
    String board(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("board", board.board(me.scope()));
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("resourceKinds", ResourceKind.values());
        model.addAttribute("admin", me.role().admin());
        return "partner/board";
    }

    @PostMapping("/partner/needs")
    String postNeed(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String communityId,
                    @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String item,
                    @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String unit,
                    @RequestParam(defaultValue = "false") String urgent, @RequestParam(defaultValue = "") String note,
                    RedirectAttributes redirect) {
        try {
            board.postNeed(me, communityId, kind, item, quantity, unit, "true".equals(urgent), note);
            redirect.addFlashAttribute("ok", "partner.need.posted");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/board";
    }

    @PostMapping("/partner/organisations/{id}/offers")
    String recordOffer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                       @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String item,
                       @RequestParam(defaultValue = "") String quantity, @RequestParam(defaultValue = "") String unit,
                       @RequestParam(defaultValue = "") String conditions,
                       @RequestParam(defaultValue = "") String availableUntil, RedirectAttributes redirect) {
        try {
            var offer = board.recordOffer(me, id, kind, item, quantity, unit, conditions, availableUntil);
            redirect.addFlashAttribute("ok", "partner.offer.recorded");
            return "redirect:/partner/offers/" + offer;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/partner/organisations/" + id + "#offers";
        }
    }

    @GetMapping("/partner/offers/{id}")
    String offer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("offer", board.offer(me.scope(), id));
        model.addAttribute("matches", board.matchesOf(me.scope(), id));
        model.addAttribute("suggestions", board.suggestions(me.scope(), id));
        model.addAttribute("openNeeds", board.needs(me.scope(), true));
        model.addAttribute("history", history.of(id));
        return "partner/offer";
    }

    @PostMapping("/partner/offers/{id}/matches")
    String match(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                 @RequestParam(required = false) UUID needId, @RequestParam(defaultValue = "") String quantity,
                 RedirectAttributes redirect) {
        try {
            if (needId == null) {
                throw new InvalidValueException("partner.error.choice");
            }
            board.match(me, id, needId, quantity);
            redirect.addFlashAttribute("ok", "partner.match.made");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/offers/" + id;
    }

    @PostMapping("/partner/matches/{id}/hand-over")
    String handOver(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                    @RequestParam(defaultValue = "") String receivedBy,
                    @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        try {
            board.handOver(me, id, receivedBy);
            redirect.addFlashAttribute("ok", "partner.match.handed-over");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return back.matches("/partner/offers/[0-9a-f-]{36}") ? "redirect:" + back : "redirect:/partner/board";
    }
}

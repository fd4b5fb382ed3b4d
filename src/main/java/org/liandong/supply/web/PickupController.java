package org.liandong.supply.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.supply.SupplyDesk;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * At the pickup point: staff scan the resident's QR code (the phone opens this page) or type the code; the page
 * says whether it is genuine and unused; one tap hands over. Forged, used or returned codes are refused.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class PickupController {

    private final SupplyDesk desk;
    private final LocalisedText text;

    PickupController(SupplyDesk desk, LocalisedText text) {
        this.desk = desk;
        this.text = text;
    }

    @GetMapping("/supply/pickup/{id}")
    String scanned(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam(required = false) @Nullable String s, Model model, HttpServletResponse response) {
        try {
            var check = desk.check(me.scope(), id, s);
            model.addAttribute("check", check);
            SupplyDeskPages.refusal(check.reservation(), model, text);
        } catch (InvalidValueException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", text.of(e));
        }
        return "supply/pickup";
    }

    @PostMapping("/supply/rounds/{roundId}/pickup")
    String typed(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID roundId,
                 @RequestParam(required = false) @Nullable String code, Model model, HttpServletResponse response) {
        try {
            var check = desk.checkTyped(me.scope(), roundId, code);
            model.addAttribute("check", check);
            SupplyDeskPages.refusal(check.reservation(), model, text);
        } catch (InvalidValueException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", text.of(e));
            model.addAttribute("roundId", roundId);
        }
        return "supply/pickup";
    }

    @PostMapping("/supply/pickup/{id}")
    String handOver(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                    @RequestParam(required = false) @Nullable String s, Model model, HttpServletResponse response) {
        try {
            var reservation = desk.handOver(me, id, s);
            model.addAttribute("handed", reservation);
            model.addAttribute("round", desk.round(reservation.roundId()).orElseThrow());
        } catch (InvalidValueException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", text.of(e));
        }
        return "supply/pickup";
    }
}

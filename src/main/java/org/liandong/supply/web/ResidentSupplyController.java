package org.liandong.supply.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.supply.SupplyDesk;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A resident's supplies: the rounds open to their household, one tap to reserve (a retry or a second tap gives
 * the same reservation), then the pickup code, its QR image and the building group's slot. Small pages, no script.
 */
@Controller
class ResidentSupplyController {

    private final SupplyDesk desk;
    private final LocalisedText text;

    ResidentSupplyController(SupplyDesk desk, LocalisedText text) {
        this.desk = desk;
        this.text = text;
    }

    @GetMapping("/supply/my")
    String mine(@AuthenticationPrincipal LiandongUser me, Model model) {
        var household = me.householdId();
        model.addAttribute("hasHousehold", household.isPresent());
        model.addAttribute("rounds", household.map(desk::roundsFor).orElse(java.util.List.of()));
        model.addAttribute("token", UUID.randomUUID().toString());
        return "supply/mine";
    }

    @PostMapping("/supply/my/{roundId}/reserve")
    String reserve(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID roundId,
                   @RequestParam(required = false) @Nullable String token, RedirectAttributes redirect) {
        try {
            var reservation = desk.reserve(me, roundId, token);
            if (!reservation.hasPickupCode()) {
                // a lottery registration (or a household not drawn): no code to show yet
                redirect.addFlashAttribute("ok", "supply.lottery.registered-done");
                return "redirect:/supply/my";
            }
            redirect.addFlashAttribute("ok", "supply.reserve.done");
            return "redirect:/supply/my/" + roundId;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/supply/my";
        }
    }

    @GetMapping("/supply/my/{roundId}")
    String reservation(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID roundId, Model model) {
        var reservation = desk.reservationOf(me, roundId);
        if (!reservation.hasPickupCode()) {
            return "redirect:/supply/my";
        }
        model.addAttribute("reservation", reservation);
        model.addAttribute("round", desk.round(roundId).orElseThrow());
        return "supply/reservation";
    }

    @GetMapping("/supply/my/{roundId}/qr.png")
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID roundId) {
        var reservation = desk.reservationOf(me, roundId);
        if (!reservation.hasPickupCode()) {
            throw new org.liandong.platform.OutOfScopeException();
        }
        var url = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + desk.scanPath(reservation);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(PickupQr.png(url, 300));
    }
}

package org.liandong.account.web;

import java.util.UUID;
import org.liandong.account.Accounts;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A resident claims their household; staff of the community confirm or reject the claim. */
@Controller
class ClaimController {

    private final Accounts accounts;
    private final Places places;
    private final Registry registry;
    private final LocalisedText text;

    ClaimController(Accounts accounts, Places places, Registry registry, LocalisedText text) {
        this.accounts = accounts;
        this.places = places;
        this.registry = registry;
        this.text = text;
    }

    @GetMapping("/my/household")
    @PreAuthorize("hasRole('RESIDENT')")
    String myHousehold(@AuthenticationPrincipal LiandongUser me, Model model) {
        var household = accounts.ownHousehold(me.userId());
        if (household.isPresent()) {
            model.addAttribute("household", household.get());
            return "account/my-household";
        }
        model.addAttribute("claim", accounts.latestClaimOf(me.userId()).orElse(null));
        model.addAttribute("communities", places.communities(AccessScope.all()));
        return "account/claim";
    }

    @PostMapping("/my/household/claim")
    @PreAuthorize("hasRole('RESIDENT')")
    String claim(@AuthenticationPrincipal LiandongUser me, @RequestParam String communityId,
                 @RequestParam String building, @RequestParam String room, @RequestParam String residentName,
                 Model model, RedirectAttributes redirect) {
        try {
            if (residentName.isBlank() || residentName.length() > 50) {
                throw new InvalidValueException("account.error.name");
            }
            accounts.claimHousehold(me, communityId, building, room, residentName);
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            model.addAttribute("claim", accounts.latestClaimOf(me.userId()).orElse(null));
            model.addAttribute("communities", places.communities(AccessScope.all()));
            return "account/claim";
        }
        redirect.addFlashAttribute("ok", "claim.sent");
        return "redirect:/my/household";
    }

    @GetMapping("/claims")
    @PreAuthorize("hasRole('STAFF')")
    String claims(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("claims", accounts.pendingClaims(me.scope()).stream()
                .map(c -> new ClaimRow(c, registry.household(me.scope(), c.householdId()))).toList());
        return "account/claims";
    }

    @PostMapping("/claims/{id}")
    @PreAuthorize("hasRole('STAFF')")
    String decide(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam String decision,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        accounts.decide(me, id, "confirm".equals(decision), note);
        redirect.addFlashAttribute("ok", "confirm".equals(decision) ? "claim.confirmed" : "claim.rejected");
        return "redirect:/claims";
    }

    record ClaimRow(Accounts.Claim claim, Registry.HouseholdView household) {
    }

}

package org.liandong.supply.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.supply.SupplyDesk;
import org.liandong.supply.SupplyReports;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff open rounds and follow them: stock left, reservations per building group, vulnerable households. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class RoundController {

    private final SupplyDesk desk;
    private final Places places;
    private final LocalisedText text;
    private final SupplyReports reports;
    private final org.liandong.supply.Lottery lottery;

    RoundController(SupplyDesk desk, Places places, LocalisedText text, SupplyReports reports,
                    org.liandong.supply.Lottery lottery) {
        this.desk = desk;
        this.lottery = lottery;
        this.places = places;
        this.text = text;
        this.reports = reports;
    }

    @GetMapping("/supply/rounds")
    String rounds(@AuthenticationPrincipal LiandongUser me, Model model) {
        var communities = places.communities(me.scope());
        model.addAttribute("communities", communities);
        model.addAttribute("streets", me.role().admin()
                ? communities.stream().map(c -> c.streetId()).distinct().map(places::street)
                        .flatMap(java.util.Optional::stream).toList()
                : java.util.List.of());
        model.addAttribute("tags", VulnerabilityKind.values());
        model.addAttribute("rounds", desk.rounds(me.scope()));
        model.addAttribute("now", java.time.Instant.now());
        return "supply/rounds";
    }

    @PostMapping("/supply/rounds")
    String open(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                @RequestParam(required = false) @Nullable String item, @RequestParam(required = false) @Nullable String unit,
                @RequestParam(required = false) @Nullable String quota, @RequestParam(required = false) @Nullable String stock,
                @RequestParam(required = false) @Nullable String eligibility,
                @RequestParam(required = false) @Nullable String opens, @RequestParam(required = false) @Nullable String closes,
                @RequestParam(required = false) @Nullable String pickupPlace,
                @RequestParam(required = false) @Nullable String pickupStarts,
                @RequestParam(required = false) @Nullable String slotMinutes,
                @RequestParam(defaultValue = "false") boolean exemptDelivery,
                @RequestParam(required = false) @Nullable String mode, RedirectAttributes redirect) {
        try {
            String street = null;
            String communityId = community;
            if (community != null && community.startsWith("street:")) {
                street = community.substring("street:".length());
                communityId = null;
            }
            var round = desk.open(me, new SupplyDesk.NewRound(street, communityId, item == null ? "" : item,
                    unit == null ? "" : unit, Forms.number(quota, "supply.round.error.quota"),
                    Forms.number(stock, "supply.round.error.stock"), eligibility == null ? "" : eligibility,
                    Forms.dateTime(opens, "supply.round.error.window"), Forms.dateTime(closes, "supply.round.error.window"),
                    pickupPlace == null ? "" : pickupPlace,
                    Forms.dateTime(pickupStarts, "supply.round.error.pickup-starts"),
                    Forms.number(slotMinutes, "supply.round.error.slot"), exemptDelivery,
                    mode == null ? "" : mode));
            redirect.addFlashAttribute("ok", "supply.round.opened");
            return "redirect:/supply/rounds/" + round.id();
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/supply/rounds";
        }
    }

    @GetMapping("/supply/rounds/{id}")
    String round(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var round = desk.round(me.scope(), id);
        model.addAttribute("round", round);
        model.addAttribute("status", round.status(java.time.Instant.now()));
        model.addAttribute("counts", desk.counts(id));
        model.addAttribute("groups", desk.groups(me.scope(), id));
        model.addAttribute("community", round.communityId() == null ? null
                : places.community(round.communityId()).orElse(null));
        model.addAttribute("draw", round.lottery() ? lottery.publication(round) : null);
        return "supply/round";
    }

    @GetMapping("/supply/rounds/{id}/report.xlsx")
    void report(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        var round = desk.round(me.scope(), id);
        var groups = desk.groups(me.scope(), id);
        Spreadsheets.attachment(response, "supply-round-" + round.opensLocal().toLocalDate() + ".xlsx");
        reports.round(round, groups, org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                response.getOutputStream());
    }

    @PostMapping("/supply/rounds/{id}/close")
    String close(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            desk.closeNow(me, id);
            redirect.addFlashAttribute("ok", "supply.round.closed-now");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/rounds/" + id;
    }

    @PostMapping("/supply/rounds/{id}/draw")
    String draw(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var drawn = desk.draw(me, id);
            redirect.addFlashAttribute("ok", "supply.lottery.drawn");
            redirect.addFlashAttribute("drawnCount", drawn.winners().size());
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/rounds/" + id;
    }

    /** A community's building groups across its rounds, as a sheet (counts only). */
    @GetMapping("/supply/reports/building-groups.xlsx")
    void buildingGroups(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                        jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        me.scope().check(community);
        var c = places.community(community).orElseThrow(org.liandong.platform.OutOfScopeException::new);
        Spreadsheets.attachment(response, "supply-building-groups-" + community + ".xlsx");
        reports.buildingGroups(c.id(), c.streetId(), org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                response.getOutputStream());
    }

    @PostMapping("/supply/rounds/{id}/exempt")
    String exempt(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("allocated", desk.allocateExempt(me, id));
            redirect.addFlashAttribute("ok", "supply.exempt.done");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/rounds/" + id;
    }
}

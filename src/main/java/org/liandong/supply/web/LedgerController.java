package org.liandong.supply.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
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

/**
 * Staff record donations in and allocations out; anyone reads a street's or a community's ledger and has the
 * chain recomputed.
 */
@Controller
class LedgerController {

    private final Ledger ledger;
    private final Places places;
    private final LocalisedText text;
    private final SupplyReports reports;

    LedgerController(Ledger ledger, Places places, LocalisedText text, SupplyReports reports) {
        this.ledger = ledger;
        this.places = places;
        this.text = text;
        this.reports = reports;
    }

    @GetMapping("/supply/ledger")
    @PreAuthorize("hasRole('STAFF')")
    String form(@AuthenticationPrincipal LiandongUser me, Model model) {
        var communities = places.communities(me.scope());
        model.addAttribute("communities", communities);
        model.addAttribute("streets", communities.stream().map(c -> c.streetId()).distinct().toList());
        model.addAttribute("kinds", List.of(LedgerEntry.Kind.DONATION, LedgerEntry.Kind.ALLOCATION));
        return "supply/ledger";
    }

    @PostMapping("/supply/ledger")
    @PreAuthorize("hasRole('STAFF')")
    String record(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                  @RequestParam(required = false) @Nullable String kind,
                  @RequestParam(required = false) @Nullable String item, @RequestParam(required = false) @Nullable String quantity,
                  @RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String party,
                  @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        me.scope().check(community);
        var c = places.community(community).orElseThrow(OutOfScopeException::new);
        try {
            var k = "ALLOCATION".equals(kind) ? LedgerEntry.Kind.ALLOCATION : LedgerEntry.Kind.DONATION;
            var entry = ledger.append(new Ledger.NewEntry(c.streetId(), c.id(), k, item == null ? "" : item,
                    Forms.bigNumber(quantity, "supply.ledger.error.quantity", Ledger.MAX_QUANTITY),
                    unit == null ? "" : unit, party == null || party.isBlank() ? text.of("supply.ledger.anonymous") : party,
                    note, null), me.displayName());
            redirect.addFlashAttribute("ok", "supply.ledger.recorded");
            redirect.addFlashAttribute("entrySeq", entry.seq());
            redirect.addFlashAttribute("entryHash", entry.shortHash());
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/ledger";
    }

    @GetMapping("/supply/public/{street}")
    String street(@PathVariable String street, Model model) {
        var s = places.street(street).orElseThrow(OutOfScopeException::new);
        model.addAttribute("street", s);
        model.addAttribute("community", null);
        model.addAttribute("communities", places.communityIdsOfStreet(street).stream().map(places::community)
                .flatMap(java.util.Optional::stream).toList());
        return page(street, null, model);
    }

    @GetMapping("/supply/public/{street}/{community}")
    String community(@PathVariable String street, @PathVariable String community, Model model) {
        var s = places.street(street).orElseThrow(OutOfScopeException::new);
        var c = places.community(community).filter(x -> x.streetId().equals(street))
                .orElseThrow(OutOfScopeException::new);
        model.addAttribute("street", s);
        model.addAttribute("community", c);
        model.addAttribute("communities", List.of());
        return page(street, community, model);
    }

    @GetMapping("/supply/public/{street}/verify")
    String verify(@PathVariable String street, Model model) {
        model.addAttribute("street", places.street(street).orElseThrow(OutOfScopeException::new));
        model.addAttribute("check", ledger.verify(street));
        return "supply/verify";
    }

    /** The same check for scripts: {@code curl …/supply/public/{street}/verify.json}. */
    @GetMapping(value = "/supply/public/{street}/verify.json", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    org.liandong.supply.LedgerCheck verifyJson(@PathVariable String street) {
        places.street(street).orElseThrow(OutOfScopeException::new);
        return ledger.verify(street);
    }

    @GetMapping("/supply/public/{street}/ledger.xlsx")
    void streetSheet(@PathVariable String street, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        places.street(street).orElseThrow(OutOfScopeException::new);
        Spreadsheets.attachment(response, "ledger-" + street + ".xlsx");
        reports.ledger(street, null, org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                response.getOutputStream());
    }

    @GetMapping("/supply/public/{street}/{community}/ledger.xlsx")
    void communitySheet(@PathVariable String street, @PathVariable String community,
                        jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        places.community(community).filter(x -> x.streetId().equals(street)).orElseThrow(OutOfScopeException::new);
        Spreadsheets.attachment(response, "ledger-" + community + ".xlsx");
        reports.ledger(street, community, org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                response.getOutputStream());
    }

    private String page(String street, @Nullable String community, Model model) {
        model.addAttribute("totals", ledger.totals(street, community));
        model.addAttribute("entries", ledger.entries(street, community, 500));
        model.addAttribute("headHash", ledger.headHash(street));
        model.addAttribute("parties", reports.byParty(street, community));
        return "supply/public";
    }
}

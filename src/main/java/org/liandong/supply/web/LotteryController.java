package org.liandong.supply.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.liandong.community.Places;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.supply.Lottery;
import org.liandong.supply.LotteryCheck;
import org.liandong.supply.SupplyDesk;
import org.liandong.supply.SupplyRound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A lottery round in public: the commitment from the moment it opens; after the draw the seed, the sorted
 * registrations (pseudonymous references), the drawn order and the hashes, as a page and as JSON that anyone can
 * re-run (docs/supply.md, "Lottery"); and the server's own re-run that names every difference.
 */
@Controller
class LotteryController {

    private final SupplyDesk desk;
    private final Lottery lottery;
    private final Places places;
    private final LocalisedText text;

    LotteryController(SupplyDesk desk, Lottery lottery, Places places, LocalisedText text) {
        this.desk = desk;
        this.lottery = lottery;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/supply/public/lottery/{roundId}")
    String page(@PathVariable UUID roundId, Model model) {
        var round = lotteryRound(roundId);
        var publication = lottery.publication(round);
        model.addAttribute("round", round);
        model.addAttribute("draw", publication);
        model.addAttribute("place", round.communityId() == null ? places.street(round.streetId()).map(s -> s.name())
                .orElse("") : places.community(round.communityId()).map(c -> c.name()).orElse(""));
        model.addAttribute("shown", publication.order().isEmpty()
                ? publication.registrations().stream().limit(500).toList()
                : publication.order().stream().limit(500).toList());
        return "supply/lottery";
    }

    /** Everything needed to re-run the draw elsewhere. */
    @GetMapping(value = "/supply/public/lottery/{roundId}/draw.json", produces = "application/json")
    ResponseEntity<Lottery.Publication> json(@PathVariable UUID roundId) {
        var publication = lottery.publication(lotteryRound(roundId));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"lottery-" + roundId + ".json\"").body(publication);
    }

    @GetMapping("/supply/public/lottery/{roundId}/verify")
    String verify(@PathVariable UUID roundId, Model model) {
        var round = lotteryRound(roundId);
        model.addAttribute("round", round);
        model.addAttribute("check", lottery.verify(round));
        return "supply/lottery-verify";
    }

    /** The same re-run for scripts, each problem with its message: {@code curl …/verify.json}. */
    @GetMapping(value = "/supply/public/lottery/{roundId}/verify.json", produces = "application/json")
    @ResponseBody
    Map<String, Object> verifyJson(@PathVariable UUID roundId) {
        var check = lottery.verify(lotteryRound(roundId));
        var out = new LinkedHashMap<String, Object>();
        out.put("roundId", check.roundId());
        out.put("drawn", check.drawn());
        out.put("registrations", check.registrations());
        out.put("commitment", check.commitment());
        out.put("intact", check.intact());
        out.put("problems", check.problems().stream().map(p -> Map.of("kind", p.kind().name(),
                "subject", p.subject(), "expected", p.expected(), "found", p.found(),
                "message", message(p))).toList());
        return out;
    }

    private String message(LotteryCheck.Problem p) {
        return text.of(p.kind().messageKey(), p.subject(), p.expected(), p.found());
    }

    private SupplyRound lotteryRound(UUID roundId) {
        return desk.round(roundId).filter(SupplyRound::lottery).orElseThrow(OutOfScopeException::new);
    }
}

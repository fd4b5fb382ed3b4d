package org.liandong.resilience.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.Stage;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.report.Texts;
import org.liandong.resilience.score.RoundScores;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instruments;
import org.liandong.resilience.survey.SurveyRounds;
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

/** Survey rounds for staff: open one, hand out the link, QR poster and household codes, watch, close, read. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class SurveyRoundController {

    private final SurveyRounds rounds;
    private final Instruments instruments;
    private final RoundScores scores;
    private final Places places;
    private final LocalisedText text;
    private final SurveyLinks links;

    SurveyRoundController(SurveyRounds rounds, Instruments instruments, RoundScores scores, Places places,
                    LocalisedText text, SurveyLinks links) {
        this.rounds = rounds;
        this.instruments = instruments;
        this.scores = scores;
        this.places = places;
        this.text = text;
        this.links = links;
    }

    @GetMapping({"/resilience", "/resilience/rounds"})
    String index(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String communityId,
                 Model model) {
        var communities = places.communities(me.scope());
        model.addAttribute("communities", communities);
        var ids = communities.stream().map(Places.CommunityView::id).toList();
        model.addAttribute("rounds", rounds.rounds(ids).reversed());
        model.addAttribute("instruments", instruments.all());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("forms", Form.values());
        model.addAttribute("communityId", communityId);
        model.addAttribute("streets", communities.stream().map(Places.CommunityView::streetId).distinct().toList());
        return "resilience/survey/rounds";
    }

    @PostMapping("/resilience/rounds")
    String open(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String communityId,
                @RequestParam(defaultValue = "") String instrumentId, @RequestParam(defaultValue = "") String stage,
                @RequestParam(defaultValue = "") String form, RedirectAttributes redirect) {
        try {
            var id = rounds.open(me, communityId, instrumentId, stage, form);
            redirect.addFlashAttribute("ok", "resilience.round.opened");
            return "redirect:/resilience/rounds/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/resilience";
        }
    }

    @GetMapping("/resilience/rounds/{id}")
    String round(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var round = rounds.round(me.scope(), id);
        model.addAttribute("round", round);
        model.addAttribute("link", links.link(round.code()));
        model.addAttribute("participation", rounds.participation(me.scope(), id));
        model.addAttribute("instrument", instruments.get(round.instrumentId()));
        return "resilience/survey/round";
    }

    /** The live participation table, refreshed by htmx while the round is open. */
    @GetMapping("/resilience/rounds/{id}/participation")
    String participation(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                         @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("round", rounds.round(me.scope(), id));
        model.addAttribute("participation", rounds.participation(me.scope(), id));
        return htmx == null ? "redirect:/resilience/rounds/" + id : "resilience/survey/round :: participation";
    }

    @PostMapping("/resilience/rounds/{id}/close")
    String close(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            rounds.close(me, id);
            redirect.addFlashAttribute("ok", "resilience.round.closed");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/resilience/rounds/" + id;
    }

    @PostMapping("/resilience/rounds/{id}/tokens")
    String tokens(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            int issued = rounds.issueTokens(me, id);
            redirect.addFlashAttribute("issued", issued);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/resilience/rounds/" + id;
    }

    @GetMapping("/resilience/rounds/{id}/results")
    String results(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var result = scores.of(me.scope(), id);
        model.addAttribute("result", result);
        model.addAttribute("round", result.round());
        model.addAttribute("weightingProblem", Texts.weightingProblem(text, result.weighting()));
        model.addAttribute("minimumN", scores.minimumN());
        return "resilience/survey/results";
    }
}

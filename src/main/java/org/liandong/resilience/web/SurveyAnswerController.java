package org.liandong.resilience.web;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.liandong.resilience.survey.Demographics;
import org.liandong.resilience.survey.Instruments;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The survey as residents answer it, behind the round's public link (from the poster's QR code): signed in as a
 * resident of the community, or with the one-time code on the household's slip. Phone first.
 */
@Controller
class SurveyAnswerController {

    static final String DONT_KNOW = "dk";

    private final SurveyRounds rounds;
    private final Instruments instruments;
    private final LocalisedText text;
    private final SurveyLinks links;

    SurveyAnswerController(SurveyRounds rounds, Instruments instruments, LocalisedText text, SurveyLinks links) {
        this.rounds = rounds;
        this.instruments = instruments;
        this.text = text;
        this.links = links;
    }

    /** The resident's own way in: the open survey of their community, if there is one. */
    @GetMapping("/resilience/my-survey")
    String mySurvey(@AuthenticationPrincipal LiandongUser me, Model model) {
        var open = rounds.openRoundFor(me);
        if (open.isPresent()) {
            return "redirect:/resilience/s/" + open.get().code();
        }
        return message(model, "no-survey", "resilience.answer.none-open");
    }

    @GetMapping("/resilience/s/{code}")
    String form(@PathVariable String code, @AuthenticationPrincipal @Nullable Object principal, Model model) {
        var round = rounds.byCode(code).orElseThrow(OutOfScopeException::new);
        prepare(round, principal, model, Map.of());
        if (!round.open()) {
            return message(model, "closed", "resilience.answer.closed");
        }
        if (principal instanceof LiandongUser user && user.householdId().isPresent()
                && rounds.answered(user, round.id())) {
            return message(model, "thanks", "resilience.answer.thanks");
        }
        return "resilience/survey/answer";
    }

    @PostMapping("/resilience/s/{code}")
    String submit(@PathVariable String code, @AuthenticationPrincipal @Nullable Object principal,
                  @RequestParam Map<String, String> form, Model model) {
        var round = rounds.byCode(code).orElseThrow(OutOfScopeException::new);
        var answers = new HashMap<String, @Nullable Integer>();
        form.forEach((name, value) -> {
            if (name.startsWith("a_") && !value.isBlank()) {
                answers.put(name.substring(2), DONT_KNOW.equals(value) ? null : parse(value));
            }
        });
        var resident = principal instanceof LiandongUser user && user.holds(Role.RESIDENT)
                && form.getOrDefault("token", "").isBlank() ? user : null;
        try {
            var demographics = Demographics.parse(form.get("ageBand"), form.get("sex"), form.get("yearsHere"),
                    form.get("householdSize"));
            rounds.submit(code, resident, resident == null ? form.getOrDefault("token", "") : null, answers,
                    demographics);
            return "redirect:/resilience/s/" + code + "/thanks";
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            prepare(round, principal, model, form);
            return e.messageKey().equals("resilience.answer.closed")
                    ? message(model, "closed", "resilience.answer.closed") : "resilience/survey/answer";
        }
    }

    @GetMapping("/resilience/s/{code}/thanks")
    String thanks(@PathVariable String code, Model model) {
        var round = rounds.byCode(code).orElseThrow(OutOfScopeException::new);
        model.addAttribute("round", round);
        return message(model, "thanks", "resilience.answer.thanks");
    }

    private static String message(Model model, String id, String key) {
        model.addAttribute("messageId", id);
        model.addAttribute("messageKey", key);
        return "resilience/survey/message";
    }

    /** The QR code of the round's link, for the poster and the round page. */
    @GetMapping(value = "/resilience/s/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> qr(@PathVariable String code) {
        var round = rounds.byCode(code).orElseThrow(OutOfScopeException::new);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(org.liandong.volunteer.QrCode.png(links.link(round.code()), 320));
    }

    private void prepare(SurveyRounds.Round round, @Nullable Object principal, Model model, Map<String, String> form) {
        var instrument = instruments.get(round.instrumentId());
        model.addAttribute("round", round);
        model.addAttribute("instrument", instrument);
        model.addAttribute("items", instrument.items(round.form()));
        model.addAttribute("values", java.util.stream.IntStream.rangeClosed(instrument.scaleMin(),
                instrument.scaleMax()).boxed().toList());
        model.addAttribute("builtinScale", instrument.builtin());
        model.addAttribute("form", form);
        model.addAttribute("ageBands", Demographics.AgeBand.values());
        model.addAttribute("sexes", Demographics.SEXES);
        model.addAttribute("years", Demographics.YEARS);
        boolean signedInHere = principal instanceof LiandongUser user && user.holds(Role.RESIDENT)
                && user.householdId().isPresent();
        model.addAttribute("needsToken", !signedInHere);
    }

    private static Integer parse(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("resilience.answer.out-of-range", value);
        }
    }
}

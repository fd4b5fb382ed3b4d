package org.liandong.care.observation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.Masked;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The page a check-in code's link (or its QR code) opens on the resident's phone: no sign-in, big text and
 * buttons, one temperature, symptoms and needs — written by {@link PhoneCheckIns} exactly as the JSON API writes
 * them. The page shows the resident's name masked (so the leader checking in for a neighbour sees it is the right
 * one) and nothing of the case's history. Also the QR code of the link, for the worker's case page.
 */
@Controller
class PhoneCheckInController {

    private static final String VIEW = "care/observations/phone";

    private final CheckInLinks links;
    private final Observations observations;
    private final PhoneCheckIns checkIns;
    private final LocalisedText text;

    PhoneCheckInController(CheckInLinks links, Observations observations, PhoneCheckIns checkIns,
                           LocalisedText text) {
        this.links = links;
        this.observations = observations;
        this.checkIns = checkIns;
        this.text = text;
    }

    @GetMapping(CheckInLinks.PAGE + "{code}")
    String page(@PathVariable String code, Model model, HttpServletResponse response) {
        model.addAttribute("code", code);
        var c = current(code, model, response);
        if (c != null) {
            form(model, c, UUID.randomUUID().toString());
        }
        return VIEW;
    }

    @PostMapping(CheckInLinks.PAGE + "{code}")
    String checkIn(@PathVariable String code, @RequestParam(required = false) @Nullable String temperature,
                   @RequestParam(required = false) @Nullable List<String> symptoms,
                   @RequestParam(required = false) @Nullable String needs,
                   @RequestParam(required = false) @Nullable String clientToken, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) throws InterruptedException {
        PhoneCheckIns.Answer answer;
        try {
            answer = checkIns.submit(code, temperature, symptoms, needs, clientToken);
        } catch (InvalidValueException e) {
            return again(code, model, response, text.of(e), temperature, needs, clientToken);
        }
        return switch (answer.result()) {
            case RECORDED -> {
                redirect.addFlashAttribute("ok", answer.fever() ? "care.checkin.api.recorded-fever"
                        : "care.checkin.recorded");
                yield "redirect:" + CheckInLinks.PAGE + code;
            }
            case DUPLICATE -> {
                redirect.addFlashAttribute("ok", "care.checkin.api.duplicate");
                yield "redirect:" + CheckInLinks.PAGE + code;
            }
            case BUSY, FAILED -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                yield again(code, model, response, text.of("care.checkin.api.busy"), temperature, needs, clientToken);
            }
            // unknown, rotated or closed: the page says which (and shows no form)
            case UNKNOWN_CASE, CODE_ROTATED, CLOSED -> page(code, model, response);
        };
    }

    /** The QR code of the link, on the case page: for whoever may see the case (checked and audited by the view). */
    @GetMapping(value = "/care/observations/{id}/check-in-code.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal org.liandong.platform.LiandongUser me, @PathVariable UUID id) {
        var c = observations.view(me, id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(org.liandong.volunteer.QrCode.png(link(links.code(c.id(), c.codeVersion())), 480));
    }

    /** The absolute link a code opens, as the case page shows it. */
    static String link(String code) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + CheckInLinks.PAGE + code;
    }

    private String again(String code, Model model, HttpServletResponse response, String problem,
                         @Nullable String temperature, @Nullable String needs, @Nullable String clientToken) {
        model.addAttribute("code", code);
        var c = current(code, model, response);
        if (c != null) {
            form(model, c, clientToken == null || clientToken.isBlank() ? UUID.randomUUID().toString() : clientToken);
            model.addAttribute("problem", problem);
            model.addAttribute("typed", temperature);
            model.addAttribute("typedNeeds", needs);
        }
        return VIEW;
    }

    /** The open case the code names in its current version, or null with the reason in the model. */
    private Observations.@Nullable Case current(String code, Model model, HttpServletResponse response) {
        var verified = links.verify(code).orElse(null);
        var c = verified == null ? null : observations.find(verified.observationId()).orElse(null);
        if (verified == null || c == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("refused", text.of("care.checkin.api.code-invalid"));
            return null;
        }
        if (c.codeVersion() != verified.version()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("refused", text.of("care.checkin.api.code-rotated"));
            return null;
        }
        if (!c.open()) {
            model.addAttribute("refused", text.of("care.checkin.case-closed"));
            return null;
        }
        return c;
    }

    private static void form(Model model, Observations.Case c, String token) {
        model.addAttribute("name", Masked.name(c.residentName()));
        model.addAttribute("symptoms", Symptom.values());
        model.addAttribute("token", token);
    }
}

package org.liandong.resilience.web;

import java.io.IOException;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.survey.Instruments;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Instruments: Liandong's own and those an administrator loaded (ids, factors and scale; for licensed ones). */
@Controller
@PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
class SurveyInstrumentController {

    private final Instruments instruments;
    private final LocalisedText text;

    SurveyInstrumentController(Instruments instruments, LocalisedText text) {
        this.instruments = instruments;
        this.text = text;
    }

    @GetMapping("/resilience/instruments")
    String list(Model model) {
        model.addAttribute("instruments", instruments.all());
        return "resilience/survey/instruments";
    }

    @PostMapping("/resilience/instruments")
    String load(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) MultipartFile file,
                @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String scaleMin,
                @RequestParam(defaultValue = "") String scaleMax, RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidValueException("resilience.instrument.empty");
            }
            var loaded = instruments.load(me, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                    file.getBytes(), id, name, version, scaleMin, scaleMax);
            redirect.addFlashAttribute("ok", "resilience.instrument.loaded");
            redirect.addFlashAttribute("loadedId", loaded.id());
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        } catch (IOException e) {
            redirect.addFlashAttribute("problem", text.of("resilience.instrument.empty"));
        }
        return "redirect:/resilience/instruments";
    }
}

package org.liandong.volunteer.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.RateLimits;
import org.liandong.volunteer.ApplicationForm;
import org.liandong.volunteer.ApplicationProblem;
import org.liandong.volunteer.ApplicationRefused;
import org.liandong.volunteer.Applications;
import org.liandong.volunteer.MotivationScore;
import org.liandong.volunteer.VolunteerCategory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public side: anyone applies on their phone, then follows their application with phone + code. */
@Controller
class ApplicationController {

    private final Applications applications;
    private final Places places;
    private final LocalisedText text;
    private final RateLimits limits;

    ApplicationController(Applications applications, Places places, LocalisedText text, RateLimits limits) {
        this.limits = limits;
        this.applications = applications;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/volunteer/apply")
    String form(Model model) {
        return form(model, ApplicationForm.empty(), List.of());
    }

    @PostMapping("/volunteer/apply")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletRequest request) {
        limits.check("volunteer-apply", request.getRemoteAddr());
        var form = ApplicationForm.from(params);
        try {
            var code = applications.submit(form);
            redirect.addFlashAttribute("code", code);
            return "redirect:/volunteer/apply/submitted";
        } catch (ApplicationRefused refused) {
            return form(model, form, refused.problems());
        }
    }

    @GetMapping("/volunteer/apply/submitted")
    String submitted(Model model) {
        if (!model.containsAttribute("code")) {
            return "redirect:/volunteer/status";
        }
        return "volunteer/application/submitted";
    }

    @GetMapping("/volunteer/status")
    String status() {
        return "volunteer/application/status";
    }

    @PostMapping("/volunteer/status")
    String lookUp(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
                  Model model, HttpServletRequest request) {
        limits.check("volunteer-status", request.getRemoteAddr());
        limits.check("volunteer-status-phone", phone.strip());
        return show(phone, code, model);
    }

    private String show(String phone, String code, Model model) {
        model.addAttribute("phone", phone.length() > 20 ? "" : phone);
        model.addAttribute("code", code.length() > 20 ? "" : code);
        applications.status(phone, code).ifPresentOrElse(s -> model.addAttribute("result", s),
                () -> model.addAttribute("notFound", true));
        return "volunteer/application/status";
    }

    @PostMapping("/volunteer/status/password")
    String choosePassword(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
                          @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String passwordAgain, Model model,
                          HttpServletRequest request) {
        limits.check("volunteer-password", request.getRemoteAddr());
        limits.check("volunteer-status-phone", phone.strip());
        if (!password.equals(passwordAgain)) {
            model.addAttribute("passwordProblem", text.of("volunteer.status.error.password-mismatch"));
            return show(phone, code, model);
        }
        try {
            applications.choosePassword(phone, code, password);
        } catch (InvalidValueException e) {
            model.addAttribute("passwordProblem", text.of(e));
            return show(phone, code, model);
        }
        model.addAttribute("passwordSet", true);
        return show(phone, code, model);
    }

    private String form(Model model, ApplicationForm form, List<ApplicationProblem> problems) {
        var errors = new LinkedHashMap<String, String>();
        for (var p : problems) {
            errors.putIfAbsent(p.field(), text.of(p.messageKey(), p.args()));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("streets", streets());
        model.addAttribute("categories", VolunteerCategory.values());
        model.addAttribute("questions", MotivationScore.Question.values());
        model.addAttribute("days", List.of(0, 1, 2, 3, 4, 5, 6));
        model.addAttribute("periods", List.of(0, 1, 2));
        return "volunteer/application/apply";
    }

    /** Every community, grouped by street (street name → communities), for the home-community choice. */
    private Map<String, List<Places.CommunityView>> streets() {
        var grouped = new LinkedHashMap<String, List<Places.CommunityView>>();
        for (var c : places.communities(AccessScope.all())) {
            grouped.computeIfAbsent(c.districtName() + " · " + c.streetName(), k -> new java.util.ArrayList<>()).add(c);
        }
        return grouped;
    }
}

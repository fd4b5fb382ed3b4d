package org.liandong.account.web;

import org.liandong.account.Accounts;
import org.liandong.platform.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.RateLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Residents sign up with their mobile number; they then claim their household. */
@Controller
class RegistrationController {

    record RegistrationForm(String phone, String name, String password, String passwordAgain) {
    }

    private final Accounts accounts;
    private final LocalisedText text;
    private final RateLimits limits;

    RegistrationController(Accounts accounts, LocalisedText text, RateLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.text = text;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new RegistrationForm("", "", "", ""));
        return "account/register";
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, Model model, RedirectAttributes redirect,
                    HttpServletRequest request) {
        limits.check("resident-register", request.getRemoteAddr());
        if (form.password() == null || !form.password().equals(form.passwordAgain())) {
            return problem(model, "passwordAgain", "account.error.password-mismatch");
        }
        try {
            accounts.registerResident(form.phone(), form.name(), form.password());
        } catch (InvalidValueException e) {
            var field = switch (e.messageKey()) {
                case "phone.error.format", "account.error.username-taken" -> "phone";
                case "account.error.name" -> "name";
                default -> "password";
            };
            return problem(model, field, e.messageKey(), e.args());
        }
        redirect.addAttribute("registered", "");
        return "redirect:/login";
    }

    private String problem(Model model, String field, String key, Object... args) {
        model.addAttribute("errorField", field);
        model.addAttribute("errorText", text.of(key, args));
        return "account/register";
    }
}

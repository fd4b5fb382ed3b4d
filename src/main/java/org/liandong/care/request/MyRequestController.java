package org.liandong.care.request;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.HelpKind;
import org.liandong.care.Urgency;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.web.FormPost;
import org.liandong.platform.LocalisedText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A resident on the phone: ask for help, follow it, thank the helper. */
@Controller
@PreAuthorize("hasRole('RESIDENT')")
class MyRequestController {

    private final HelpRequests requests;
    private final LocalisedText text;
    private final FormPost forms;

    MyRequestController(HelpRequests requests, LocalisedText text, FormPost forms) {
        this.forms = forms;
        this.requests = requests;
        this.text = text;
    }

    @GetMapping("/care/my")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("requests", requests.mine(me));
        model.addAttribute("hasHousehold", me.householdId().isPresent());
        return "care/my/list";
    }

    @GetMapping("/care/my/new")
    String form(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("kinds", HelpKind.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("token", UUID.randomUUID().toString());
        model.addAttribute("hasHousehold", me.householdId().isPresent());
        return "care/my/new";
    }

    @PostMapping("/care/my")
    String file(@AuthenticationPrincipal LiandongUser me, HelpRequests.NewRequest form, Model model,
                RedirectAttributes redirect) {
        try {
            var id = requests.file(me, new HelpRequests.NewRequest(null, null, null, form.kind(), form.urgency(),
                    form.details(), form.contact(), form.clientToken()));
            redirect.addFlashAttribute("ok", "care.request.filed");
            return "redirect:/care/my/" + id;
        } catch (InvalidValueException e) {
            form(me, model);
            model.addAttribute("problem", text.of(e));
            model.addAttribute("form", form);
            if (form.clientToken() != null) {
                model.addAttribute("token", form.clientToken());
            }
            return "care/my/new";
        }
    }

    @GetMapping("/care/my/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("request", requests.get(me, id));
        return "care/my/detail";
    }

    @PostMapping("/care/my/{id}/rate")
    String rate(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam int rating,
                @RequestParam(required = false) @Nullable String thanks, RedirectAttributes redirect) {
        return act(id, redirect, "care.request.rated", () -> requests.rate(me, id, rating, thanks));
    }

    @PostMapping("/care/my/{id}/cancel")
    String cancel(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "care.request.cancelled", () -> requests.cancel(me, id, null));
    }

    private String act(UUID id, RedirectAttributes redirect, String okKey, Runnable action) {
        return forms.run(redirect, okKey, "/care/my/" + id, action);
    }
}

package org.liandong.notice.casenotice;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.ChosenCommunity;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff write a case notice, see the residents' preview, then publish it. */
@Controller
@PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
class CaseController {

    private final CaseNotices cases;
    private final Places places;
    private final LocalisedText text;
    private final java.time.Clock clock;

    CaseController(CaseNotices cases, Places places, LocalisedText text, java.time.Clock clock) {
        this.cases = cases;
        this.places = places;
        this.text = text;
        this.clock = clock;
    }

    @GetMapping("/notices/cases/new")
    String form(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                Model model) {
        var selected = ChosenCommunity.of(places, me, community);
        return form(me, CaseForm.empty(selected, LocalDate.now(clock.withZone(NoticeTime.ZONE)).toString()), model);
    }

    private String form(LiandongUser me, CaseForm form, Model model) {
        var community = form.community() == null ? "" : form.community();
        me.scope().check(community);
        model.addAttribute("form", form);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("buildings", places.buildings(community));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("symptoms", Symptom.values());
        model.addAttribute("k", cases.k());
        return "notice/cases/form";
    }

    @PostMapping("/notices/cases/preview")
    String preview(@AuthenticationPrincipal LiandongUser me, CaseForm form, Model model) {
        try {
            model.addAttribute("view", cases.preview(me, form));
            model.addAttribute("form", form);
            return "notice/cases/preview";
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            return form(me, form, model);
        }
    }

    @PostMapping("/notices/cases")
    String publish(@AuthenticationPrincipal LiandongUser me, CaseForm form, @RequestParam(required = false) @Nullable String edit,
                   Model model, RedirectAttributes redirect) {
        if (edit != null) {
            return form(me, form, model);
        }
        try {
            var id = cases.publish(me, form);
            redirect.addFlashAttribute("ok", "notice.case.published");
            return "redirect:/notices/" + id;
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            return form(me, form, model);
        }
    }
}

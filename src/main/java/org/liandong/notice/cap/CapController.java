package org.liandong.notice.cap;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.ChosenCommunity;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.springframework.context.MessageSource;
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

/** Staff issue alerts; anyone (a regional warning system) reads the CAP messages and their Atom feed. */
@Controller
class CapController {

    static final MediaType CAP = MediaType.parseMediaType("application/cap+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final CapAlerts alerts;
    private final Places places;
    private final LocalisedText text;
    private final MessageSource messages;
    private final Clock clock;

    CapController(CapAlerts alerts, Places places, LocalisedText text, MessageSource messages, Clock clock) {
        this.alerts = alerts;
        this.places = places;
        this.text = text;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/cap/alerts/{identifier}.xml")
    ResponseEntity<String> alert(@PathVariable String identifier) {
        return alerts.xml(identifier).map(xml -> ResponseEntity.ok().contentType(CAP).body(xml))
                .orElseThrow(OutOfScopeException::new);
    }

    @GetMapping("/cap/feed.atom")
    ResponseEntity<String> feed() {
        var title = messages.getMessage("notice.alert.feed-title", null, java.util.Locale.SIMPLIFIED_CHINESE);
        return ResponseEntity.ok().contentType(ATOM).body(AtomFeed.of(alerts.baseUrl(), title,
                OffsetDateTime.now(clock.withZone(NoticeTime.ZONE)), alerts.latest(50)));
    }

    @GetMapping("/notices/alerts/new")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
    String form(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                Model model) {
        var selected = ChosenCommunity.of(places, me, community);
        return form(me, AlertForm.empty(selected), model);
    }

    private String form(LiandongUser me, AlertForm form, Model model) {
        me.scope().check(form.community() == null ? "" : form.community());
        model.addAttribute("form", form);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("categories", CapValues.Category.values());
        model.addAttribute("urgencies", CapValues.Urgency.values());
        model.addAttribute("severities", CapValues.Severity.values());
        model.addAttribute("certainties", CapValues.Certainty.values());
        return "notice/alerts/form";
    }

    @PostMapping("/notices/alerts")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
    String publish(@AuthenticationPrincipal LiandongUser me, AlertForm form, Model model, RedirectAttributes redirect) {
        try {
            var id = alerts.publish(me, form);
            redirect.addFlashAttribute("ok", "notice.alert.published");
            return "redirect:/notices/" + id;
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            return form(me, form, model);
        }
    }
}

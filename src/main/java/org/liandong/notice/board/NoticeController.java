package org.liandong.notice.board;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdDirectory;
import org.liandong.community.Places;
import org.liandong.community.VulnerabilityKind;
import org.liandong.notice.Audience;
import org.liandong.notice.Choice;
import org.liandong.notice.NoticeCategory;
import org.liandong.notice.cap.CapAlerts;
import org.liandong.notice.casenotice.CaseNotices;
import org.liandong.notice.ChosenCommunity;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.Teams;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Notices: staff publish and follow read receipts; everyone reads what was sent to them. */
@Controller
@PreAuthorize("isAuthenticated()")
class NoticeController {

    private final NoticeBoard board;
    private final Places places;
    private final HouseholdDirectory households;
    private final Teams teams;
    private final LocalisedText text;
    private final CaseNotices cases;
    private final CapAlerts alerts;

    NoticeController(NoticeBoard board, Places places, HouseholdDirectory households, Teams teams, LocalisedText text,
                     CaseNotices cases, CapAlerts alerts) {
        this.board = board;
        this.cases = cases;
        this.alerts = alerts;
        this.places = places;
        this.households = households;
        this.teams = teams;
        this.text = text;
    }

    @GetMapping("/notices")
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                Model model) {
        if (!me.role().staff()) {
            model.addAttribute("notices", board.delivered(me));
            return "notice/board/mine";
        }
        var selected = ChosenCommunity.of(places, me, community);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("community", selected);
        model.addAttribute("notices", board.ofCommunity(me.scope(), selected));
        return "notice/board/list";
    }

    @GetMapping("/notices/new")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
    String form(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                Model model) {
        var selected = ChosenCommunity.of(places, me, community);
        return form(me, NoticeForm.empty(selected), model);
    }

    private String form(LiandongUser me, NoticeForm form, Model model) {
        var community = form.community() == null ? "" : form.community();
        me.scope().check(community);
        model.addAttribute("form", form);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("groups", households.buildingGroups(community));
        model.addAttribute("teams", teams.list(me.scope()).stream().filter(t -> t.communityId().equals(community))
                .toList());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("categories", NoticeCategory.values());
        model.addAttribute("kinds", VulnerabilityKind.values());
        model.addAttribute("maxMb", NoticeFile.MAX_BYTES / 1024 / 1024);
        return "notice/board/form";
    }

    @PostMapping("/notices")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
    String publish(@AuthenticationPrincipal LiandongUser me, NoticeForm form,
                   @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
                   RedirectAttributes redirect) {
        try {
            var id = board.publish(me, draft(form, files));
            redirect.addFlashAttribute("ok", "notice.published");
            return "redirect:/notices/" + id;
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            return form(me, form, model);
        }
    }

    static NoticeDraft draft(NoticeForm form, @Nullable List<MultipartFile> files) {
        var audience = Choice.of(Audience.class, form.audience(), "notice.error.audience");
        var category = Choice.of(NoticeCategory.class, form.category(), "notice.error.category");
        var attachments = new ArrayList<NoticeFile>();
        for (var file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            NoticeFile.tooLarge(name, file.getSize());
            try {
                attachments.add(NoticeFile.of(name, file.getBytes()));
            } catch (IOException e) {
                throw new InvalidValueException("error.upload");
            }
        }
        return new NoticeDraft(audience, form.community() == null ? "" : form.community(),
                uuid(form.buildingGroup(), audience == Audience.BUILDING_GROUP, "notice.error.building-group"),
                audience == Audience.VULNERABLE
                        ? Choice.of(VulnerabilityKind.class, form.vulnerability(), "notice.error.vulnerability") : null,
                uuid(form.team(), audience == Audience.TEAM, "notice.error.team"), category,
                form.title() == null ? "" : form.title(), form.body() == null ? "" : form.body(), form.pin(),
                date(form.expires()), attachments);
    }


    private static @Nullable UUID uuid(@Nullable String value, boolean needed, String problem) {
        if (!needed) {
            return null;
        }
        try {
            return UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(problem);
        }
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("notice.error.expires");
        }
    }

    @GetMapping("/notices/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var notice = board.read(me, id);
        model.addAttribute("notice", notice);
        cases.ofNotice(id).ifPresent(c -> model.addAttribute("view", c));
        alerts.identifierOfNotice(id).ifPresent(c -> model.addAttribute("capIdentifier", c));
        if (me.role().staff()) {
            model.addAttribute("receipts", board.receipts(me.scope(), id));
        }
        return "notice/board/show";
    }

    @GetMapping("/notices/{id}/files/{file}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                                @PathVariable UUID file) {
        var content = board.attachment(me, id, file);
        var disposition = content.contentType().startsWith("image/") ? ContentDisposition.inline()
                : ContentDisposition.attachment();
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(content.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.content());
    }

    @PostMapping("/notices/webhooks")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','STREET_ADMIN','PLATFORM_ADMIN')")
    String addWebhook(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                      @RequestParam(required = false) @Nullable String name,
                      @RequestParam(required = false) @Nullable String url, RedirectAttributes redirect) {
        try {
            board.addWebhook(me.scope(), community, name == null ? "" : name, url == null ? "" : url);
            redirect.addFlashAttribute("ok", "notice.webhook.added");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/notices?community=" + community;
    }
}

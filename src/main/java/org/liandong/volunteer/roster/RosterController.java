package org.liandong.volunteer.roster;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.volunteer.VolunteerCategory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** Staff define posts and shifts, solve rosters, look at the result, edit it and publish it. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class RosterController {

    private final Posts posts;
    private final DutyRosters rosters;
    private final ShiftSwaps swaps;
    private final RosterPrint print;
    private final Places places;
    private final LocalisedText text;

    RosterController(Posts posts, DutyRosters rosters, ShiftSwaps swaps, RosterPrint print, Places places,
                     LocalisedText text) {
        this.posts = posts;
        this.rosters = rosters;
        this.swaps = swaps;
        this.print = print;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/volunteer/rosters")
    String index(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                 Model model) {
        var communities = places.communities(me.scope());
        model.addAttribute("communities", communities);
        var selected = community != null && !community.isBlank() ? community
                : communities.isEmpty() ? null : communities.getFirst().id();
        model.addAttribute("community", selected);
        model.addAttribute("kinds", PostKind.values());
        model.addAttribute("categories", VolunteerCategory.values());
        model.addAttribute("today", LocalDate.now());
        if (selected != null) {
            model.addAttribute("posts", posts.of(me.scope(), selected));
            model.addAttribute("rosters", rosters.rosters(me.scope(), selected));
        } else {
            model.addAttribute("posts", List.of());
            model.addAttribute("rosters", List.of());
        }
        return "volunteer/roster/index";
    }

    @PostMapping("/volunteer/rosters/posts")
    String definePost(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                      @RequestParam(required = false) @Nullable String kind,
                      @RequestParam(required = false) @Nullable String name,
                      @RequestParam(required = false) @Nullable String address,
                      @RequestParam(required = false) @Nullable String category,
                      @RequestParam(defaultValue = "false") boolean certificateRequired, RedirectAttributes redirect) {
        try {
            posts.define(me.scope(), new Posts.NewPost(community, parse(PostKind.class, kind), name, address,
                    parse(VolunteerCategory.class, category), certificateRequired));
            redirect.addFlashAttribute("ok", "roster.post.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        redirect.addAttribute("community", community);
        return "redirect:/volunteer/rosters";
    }

    @PostMapping("/volunteer/rosters/posts/{postId}/templates")
    String addTemplate(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID postId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime start,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Nullable LocalTime end,
                       @RequestParam(defaultValue = "false") boolean overnight,
                       @RequestParam(defaultValue = "0") int headcount, RedirectAttributes redirect) {
        var post = posts.post(me.scope(), postId);
        try {
            posts.addTemplate(me.scope(), postId, start, end, overnight, headcount);
            redirect.addFlashAttribute("ok", "roster.template.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        redirect.addAttribute("community", post.communityId());
        return "redirect:/volunteer/rosters";
    }

    @PostMapping("/volunteer/rosters/posts/{postId}/templates/{templateId}/remove")
    String removeTemplate(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID postId,
                          @PathVariable UUID templateId, RedirectAttributes redirect) {
        var post = posts.post(me.scope(), postId);
        posts.removeTemplate(me.scope(), postId, templateId);
        redirect.addFlashAttribute("ok", "roster.template.removed");
        redirect.addAttribute("community", post.communityId());
        return "redirect:/volunteer/rosters";
    }

    @PostMapping("/volunteer/rosters")
    String create(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate start,
                  @RequestParam(defaultValue = "0") int weeks, RedirectAttributes redirect) {
        try {
            var id = rosters.create(me, community, start, weeks);
            return "redirect:/volunteer/rosters/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            if (community != null && me.scope().covers(community)) {
                redirect.addAttribute("community", community);
            }
            return "redirect:/volunteer/rosters";
        }
    }

    @GetMapping("/volunteer/rosters/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var roster = rosters.roster(me.scope(), id);
        model.addAttribute("roster", roster);
        model.addAttribute("communityName", places.community(roster.communityId()).map(Places.CommunityView::name)
                .orElse(roster.communityId()));
        model.addAttribute("progress", rosters.progress(me.scope(), id).orElse(null));
        if (roster.status() != RosterStatus.SOLVING) {
            var shifts = rosters.shifts(me.scope(), id);
            var byDay = new LinkedHashMap<LocalDate, List<DutyRosters.ShiftView>>();
            shifts.forEach(s -> byDay.computeIfAbsent(s.day(), d -> new java.util.ArrayList<>()).add(s));
            model.addAttribute("days", byDay);
            model.addAttribute("explanation", rosters.explain(me.scope(), id));
            model.addAttribute("posts", posts.of(me.scope(), roster.communityId()));
            model.addAttribute("swaps", swaps.pendingFor(me).stream().filter(s -> s.rosterId().equals(id)).toList());
        }
        return "volunteer/roster/show";
    }

    /** Polled by htmx every second while solving; when done, tells htmx to reload the page for the result. */
    @GetMapping("/volunteer/rosters/{id}/progress")
    Object progress(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var roster = rosters.roster(me.scope(), id);
        var progress = rosters.progress(me.scope(), id).orElse(null);
        model.addAttribute("roster", roster);
        model.addAttribute("progress", progress);
        if (roster.status() != RosterStatus.SOLVING) {
            return ResponseEntity.ok().header("HX-Refresh", "true").body("");
        }
        return "volunteer/roster/show :: progress";
    }

    @PostMapping("/volunteer/rosters/{id}/solve")
    String solve(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            rosters.solve(me.scope(), id);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/rosters/" + id;
    }

    @PostMapping("/volunteer/rosters/{id}/publish")
    String publish(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            rosters.publish(me.scope(), id);
            redirect.addFlashAttribute("ok", "roster.published");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/rosters/" + id;
    }

    /**
     * The editor of one seat: the community's volunteers to choose from, loaded only when staff ask for it (a
     * 4-week roster has hundreds of seats and a community hundreds of volunteers). A fragment for htmx, a page
     * otherwise.
     */
    @GetMapping("/volunteer/rosters/{id}/shifts/{shiftId}")
    String seat(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @PathVariable UUID shiftId,
                @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false)
                @Nullable String htmx, Model model) {
        var roster = rosters.roster(me.scope(), id);
        var shift = rosters.shift(shiftId).filter(s -> s.rosterId().equals(id))
                .orElseThrow(org.liandong.platform.OutOfScopeException::new);
        model.addAttribute("roster", roster);
        model.addAttribute("shift", shift);
        model.addAttribute("candidates", rosters.candidates(me.scope(), roster.communityId()));
        return htmx != null ? "volunteer/roster/seat :: seat" : "volunteer/roster/seat";
    }

    @PostMapping("/volunteer/rosters/{id}/shifts/{shiftId}")
    String reassign(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @PathVariable UUID shiftId,
                    @RequestParam(required = false) @Nullable String volunteer, RedirectAttributes redirect) {
        try {
            var worse = rosters.reassign(me.scope(), id, shiftId, volunteerId(volunteer));
            redirect.addFlashAttribute("ok", "roster.shift.saved");
            redirect.addFlashAttribute("warnings", worse);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/rosters/" + id;
    }

    /** Live warnings while staff pick another volunteer for a seat (htmx, nothing saved). */
    @GetMapping("/volunteer/rosters/{id}/shifts/{shiftId}/check")
    String check(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @PathVariable UUID shiftId,
                 @RequestParam(required = false) @Nullable String volunteer, Model model) {
        try {
            model.addAttribute("warnings", rosters.preview(me.scope(), id, shiftId, volunteerId(volunteer)));
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            model.addAttribute("warnings", List.of());
        }
        return "volunteer/roster/show :: warnings";
    }

    @GetMapping("/volunteer/rosters/{id}/print.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                               @RequestParam UUID post, @RequestParam(defaultValue = "0") int week) {
        var pdf = print.pdf(me.scope(), id, post, week);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("roster-" + (week + 1) + ".pdf").build().toString())
                .body(pdf);
    }

    private static @Nullable UUID volunteerId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("roster.problem.unknown-volunteer");
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

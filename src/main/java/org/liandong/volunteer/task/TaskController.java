package org.liandong.volunteer.task;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.TaskStatus;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerTasks;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff create tasks for volunteers or teams of their communities, follow them and reassign declined ones. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class TaskController {

    /** A volunteer or team a task can be given to, as {@code v:<id>} or {@code t:<id>}. */
    record Choice(String code, String label, boolean team) {
    }

    private final VolunteerTasks tasks;
    private final VolunteerDirectory volunteers;
    private final Places places;
    private final Teams teams;
    private final LocalisedText text;

    TaskController(VolunteerTasks tasks, VolunteerDirectory volunteers, Places places, Teams teams,
                   LocalisedText text) {
        this.tasks = tasks;
        this.volunteers = volunteers;
        this.places = places;
        this.teams = teams;
        this.text = text;
    }

    @GetMapping("/volunteer/tasks")
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                @RequestParam(required = false) @Nullable String status,
                @RequestParam(required = false) @Nullable String kind,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var filter = new VolunteerTasks.Filter(blank(community) ? null : community,
                blank(status) ? null : TaskStatus.fromCode(status).orElse(null),
                blank(kind) ? null : TaskKind.fromCode(kind).orElse(null));
        var communities = places.communities(me.scope());
        model.addAttribute("filter", filter);
        model.addAttribute("tasks", tasks.list(me.scope(), filter, 200));
        model.addAttribute("communities", communities);
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("kinds", TaskKind.values());
        var forNew = filter.communityId() != null && me.scope().covers(filter.communityId()) ? filter.communityId()
                : communities.size() == 1 ? communities.get(0).id() : null;
        model.addAttribute("newCommunity", forNew);
        model.addAttribute("choices", forNew == null ? List.of() : choices(me, forNew));
        return htmx != null ? "volunteer/task/list :: results" : "volunteer/task/list";
    }

    @PostMapping("/volunteer/tasks")
    String create(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                  @RequestParam(required = false) @Nullable String kind,
                  @RequestParam(required = false) @Nullable String title,
                  @RequestParam(required = false) @Nullable String details,
                  @RequestParam(required = false) @Nullable String assignee,
                  @RequestParam(required = false) @Nullable String due, RedirectAttributes redirect) {
        if (blank(community) || !me.scope().covers(community)) {
            throw new OutOfScopeException();
        }
        try {
            var taskKind = TaskKind.fromCode(kind == null ? "" : kind)
                    .orElseThrow(() -> new InvalidValueException("volunteer.task.kind-required"));
            var id = tasks.create(community, taskKind, title == null ? "" : title, details,
                    VolunteerTasks.Assignee.parse(assignee), parseDue(due), me.displayName());
            redirect.addFlashAttribute("ok", "volunteer.task.created");
            return "redirect:/volunteer/tasks/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/volunteer/tasks?community=" + community;
        }
    }

    @GetMapping("/volunteer/tasks/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var task = tasks.get(me.scope(), id);
        model.addAttribute("task", task);
        model.addAttribute("events", tasks.events(id));
        model.addAttribute("choices", choices(me, task.communityId()));
        model.addAttribute("community", places.community(task.communityId()).map(Places.CommunityView::name)
                .orElse(task.communityId()));
        return "volunteer/task/show";
    }

    @PostMapping("/volunteer/tasks/{id}/reassign")
    String reassign(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                    @RequestParam(required = false) @Nullable String assignee, RedirectAttributes redirect) {
        tasks.get(me.scope(), id);
        try {
            tasks.reassign(me, id, VolunteerTasks.Assignee.parse(assignee));
            redirect.addFlashAttribute("ok", "volunteer.task.reassigned");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/tasks/" + id;
    }

    @PostMapping("/volunteer/tasks/{id}/cancel")
    String cancel(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        tasks.get(me.scope(), id);
        try {
            tasks.cancel(me, id);
            redirect.addFlashAttribute("ok", "volunteer.task.cancelled");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/tasks/" + id;
    }

    @GetMapping("/volunteer/tasks/{id}/photo")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id) {
        var photo = tasks.photo(me.scope(), id).orElseThrow(OutOfScopeException::new);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    private List<Choice> choices(LiandongUser me, String communityId) {
        var out = new java.util.ArrayList<Choice>();
        teams.list(me.scope()).stream().filter(t -> t.communityId().equals(communityId))
                .forEach(t -> out.add(new Choice("t:" + t.id(), t.name(), true)));
        volunteers.activeIn(me.scope(), communityId).forEach(v ->
                out.add(new Choice("v:" + v.id(), v.name() + " · " + v.maskedPhone(), false)));
        return out;
    }

    private static java.time.@Nullable Instant parseDue(@Nullable String due) {
        if (blank(due)) {
            return null;
        }
        try {
            return LocalDateTime.parse(due).atZone(ServiceHours.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("volunteer.task.bad-due");
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}

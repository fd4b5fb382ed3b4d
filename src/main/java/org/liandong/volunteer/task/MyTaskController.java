package org.liandong.volunteer.task;

import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.TaskPhoto;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerTasks;
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

/** A volunteer's tasks on the phone: accept, decline with a reason, finish with a note and maybe a photo. */
@Controller
@PreAuthorize("hasRole('VOLUNTEER')")
class MyTaskController {

    private final VolunteerTasks tasks;
    private final VolunteerDirectory volunteers;
    private final LocalisedText text;

    MyTaskController(VolunteerTasks tasks, VolunteerDirectory volunteers, LocalisedText text) {
        this.tasks = tasks;
        this.volunteers = volunteers;
        this.text = text;
    }

    @GetMapping("/volunteer/me/tasks")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        var volunteer = me(me);
        model.addAttribute("tasks", tasks.mine(volunteer.id()));
        return "volunteer/task/mine";
    }

    @GetMapping("/volunteer/me/tasks/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var volunteer = me(me);
        model.addAttribute("task", tasks.mine(volunteer.id(), id));
        return "volunteer/task/my-task";
    }

    @PostMapping("/volunteer/me/tasks/{id}/accept")
    String accept(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        var volunteer = me(me);
        return act(id, redirect, "volunteer.task.accepted", () -> tasks.accept(volunteer.id(), volunteer.name(), id));
    }

    @PostMapping("/volunteer/me/tasks/{id}/decline")
    String decline(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        var volunteer = me(me);
        return act(id, redirect, "volunteer.task.declined",
                () -> tasks.decline(volunteer.id(), volunteer.name(), id, reason));
    }

    @PostMapping("/volunteer/me/tasks/{id}/done")
    String done(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(required = false) @Nullable String note,
                @RequestParam(required = false) @Nullable Integer minutes,
                @RequestParam(required = false) @Nullable MultipartFile photo, RedirectAttributes redirect) {
        var volunteer = me(me);
        return act(id, redirect, "volunteer.task.done", () -> tasks.complete(volunteer.id(), volunteer.name(), id,
                note, minutes == null ? 0 : minutes, photo(photo)));
    }

    private String act(UUID id, RedirectAttributes redirect, String okKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("ok", okKey);
            return "redirect:/volunteer/me/tasks";
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/volunteer/me/tasks/" + id;
        }
    }

    private static @Nullable TaskPhoto photo(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > TaskPhoto.MAX_BYTES) {
            throw new InvalidValueException("volunteer.task.photo.too-large", TaskPhoto.MAX_BYTES / 1024 / 1024);
        }
        try {
            return TaskPhoto.of(file.getBytes());
        } catch (IOException e) {
            throw new InvalidValueException("error.upload");
        }
    }

    private VolunteerDirectory.VolunteerView me(LiandongUser me) {
        return volunteers.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
    }
}

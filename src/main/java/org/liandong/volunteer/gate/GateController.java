package org.liandong.volunteer.gate;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Staff set up gates and passes; the volunteer on duty scans passes and logs visitors; residents show a pass. */
@Controller
class GateController {

    static final String CURRENT_GATE = "liandong.gate";

    private final GateDesk desk;
    private final Places places;
    private final Accounts accounts;
    private final LocalisedText text;

    GateController(GateDesk desk, Places places, Accounts accounts, LocalisedText text) {
        this.desk = desk;
        this.places = places;
        this.accounts = accounts;
        this.text = text;
    }

    @GetMapping("/gates")
    @PreAuthorize("hasRole('STAFF')")
    String gates(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                 Model model) {
        var communities = places.communities(me.scope());
        model.addAttribute("communities", communities);
        var chosen = community != null ? community : communities.isEmpty() ? null : communities.get(0).id();
        if (chosen != null) {
            me.scope().check(chosen);
            model.addAttribute("community", places.community(chosen).orElseThrow(OutOfScopeException::new));
            model.addAttribute("gates", desk.gates(me.scope(), chosen));
            model.addAttribute("policy", desk.policy(chosen).orElse(null));
            model.addAttribute("counts", desk.countsOn(me.scope(), chosen, LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        }
        return "volunteer/gate/gates";
    }

    @PostMapping("/gates")
    @PreAuthorize("hasRole('STAFF')")
    String addGate(@AuthenticationPrincipal LiandongUser me, @RequestParam String community, @RequestParam String name,
                   RedirectAttributes redirect) {
        return act(redirect, community, "gate.added", () -> desk.addGate(me, community, name));
    }

    @PostMapping("/gates/policy")
    @PreAuthorize("hasRole('STAFF')")
    String policy(@AuthenticationPrincipal LiandongUser me, @RequestParam String community, @RequestParam int outings,
                  @RequestParam int periodDays, RedirectAttributes redirect) {
        return act(redirect, community, "gate.policy.saved", () -> desk.setPolicy(me, community, outings, periodDays));
    }

    @PostMapping("/gates/passes")
    @PreAuthorize("hasRole('STAFF')")
    String issue(@AuthenticationPrincipal LiandongUser me, @RequestParam String community, RedirectAttributes redirect) {
        var issued = desk.issuePasses(me, community);
        redirect.addFlashAttribute("issued", issued);
        redirect.addFlashAttribute("ok", "gate.passes.issued");
        return "redirect:/gates?community=" + community;
    }

    /** A volunteer chooses the gate they are on duty at. */
    @GetMapping("/gate")
    String chooseGate(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("gates", desk.gatesOfVolunteer(me));
        return "volunteer/gate/choose";
    }

    /** The duty page: remembers this gate for the scans that follow on this phone. */
    @GetMapping("/gate/{id}")
    String duty(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, HttpSession session, Model model) {
        var gate = desk.gateFor(me, id);
        session.setAttribute(CURRENT_GATE, gate.id());
        model.addAttribute("gate", gate);
        return "volunteer/gate/duty";
    }

    /** What the phone camera opens when it reads a household's pass. */
    @GetMapping("/gate/scan")
    String scan(@AuthenticationPrincipal LiandongUser me, @RequestParam("t") String token, HttpSession session,
                Model model) {
        var gateId = session.getAttribute(CURRENT_GATE);
        if (!(gateId instanceof UUID id)) {
            return "volunteer/gate/no-gate";
        }
        model.addAttribute("gate", desk.gateFor(me, id));
        model.addAttribute("scan", desk.scan(me, id, token));
        return "volunteer/gate/scan";
    }

    @PostMapping("/gate/{id}/scan")
    String scanTyped(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam String token,
                     HttpSession session, Model model) {
        session.setAttribute(CURRENT_GATE, desk.gateFor(me, id).id());
        return scan(me, token, session, model);
    }

    @PostMapping("/gate/{id}/visitors")
    String visitor(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam String kind,
                   @RequestParam String name, @RequestParam(required = false) @Nullable String phone,
                   @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        try {
            desk.logVisitor(me, id, kind, name, phone, note);
            redirect.addFlashAttribute("ok", "gate.visitor.logged");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/gate/" + id;
    }

    @GetMapping("/my/pass")
    @PreAuthorize("hasRole('RESIDENT')")
    String myPass(@AuthenticationPrincipal LiandongUser me, Model model) {
        var token = accounts.householdOf(me.userId()).flatMap(desk::passToken);
        model.addAttribute("hasPass", token.isPresent());
        return "volunteer/gate/my-pass";
    }

    @GetMapping(value = "/my/pass.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasRole('RESIDENT')")
    ResponseEntity<byte[]> myPassImage(@AuthenticationPrincipal LiandongUser me) {
        var token = accounts.householdOf(me.userId()).flatMap(desk::passToken).orElseThrow(OutOfScopeException::new);
        var url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/gate/scan").queryParam("t", token)
                .toUriString();
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(org.liandong.volunteer.QrCode.png(url, 360));
    }

    private String act(RedirectAttributes redirect, String community, String okKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("ok", okKey);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/gates?community=" + community;
    }
}

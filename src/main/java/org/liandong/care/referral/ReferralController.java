package org.liandong.care.referral;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.web.FormPost;
import org.liandong.care.web.ResidentLookup;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Screening questionnaires, referrals for staff, and the expert's own page. */
@Controller
class ReferralController {

    private static final String STAFF = "hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')";

    private final Referrals referrals;
    private final Registry registry;
    private final Places places;
    private final VolunteerDirectory volunteers;
    private final LocalisedText text;
    private final FormPost forms;
    private final ResidentLookup residents;

    private final ServiceReferrals services;

    ReferralController(Referrals referrals, Registry registry, Places places, VolunteerDirectory volunteers,
                       LocalisedText text, FormPost forms,
            ResidentLookup residents, ServiceReferrals services) {
        this.services = services;
        this.forms = forms;
        this.residents = residents;
        this.referrals = referrals;
        this.registry = registry;
        this.places = places;
        this.volunteers = volunteers;
        this.text = text;
    }

    // ---- screening ---------------------------------------------------------------------------------------

    @GetMapping("/care/screening")
    @PreAuthorize("isAuthenticated() and !hasRole('EXPERT')")
    String screeningForm(@AuthenticationPrincipal LiandongUser me,
                         @RequestParam(defaultValue = "phq9") String instrument, Model model) {
        var inst = instrument(instrument);
        model.addAttribute("instrument", inst);
        model.addAttribute("instruments", Instrument.values());
        model.addAttribute("communities", places.communities(me.scope()));
        return "care/referrals/screening";
    }

    @PostMapping("/care/screening")
    @PreAuthorize("isAuthenticated() and !hasRole('EXPERT')")
    String screen(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "phq9") String instrument,
                  @RequestParam java.util.Map<String, String> params,
                  @RequestParam(required = false) @Nullable String community,
                  @RequestParam(required = false) @Nullable String building,
                  @RequestParam(required = false) @Nullable String room,
                  @RequestParam(required = false) @Nullable String name, Model model) {
        var inst = instrument(instrument);
        try {
            var answers = new ArrayList<String>();
            for (int i = 0; i < inst.items(); i++) {
                var a = params.get("q" + i);
                if (a == null || a.isBlank()) {
                    throw new InvalidValueException("care.screening.answer-all", inst.items());
                }
                answers.add(a);
            }
            var screening = Screening.of(inst, answers);
            var person = person(me, community, building, room, name);
            var referral = referrals.screen(me, person, screening);
            model.addAttribute("screening", screening);
            model.addAttribute("referral", referral.flatMap(referrals::find).orElse(null));
            model.addAttribute("person", person);
            return "care/referrals/screened";
        } catch (InvalidValueException e) {
            screeningForm(me, instrument, model);
            model.addAttribute("problem", text.of(e));
            return "care/referrals/screening";
        }
    }

    /** Staff screen a resident they name by address; everyone else screens themselves. */
    private Referrals.Person person(LiandongUser me, @Nullable String community, @Nullable String building,
                                    @Nullable String room, @Nullable String name) {
        var aboutResident = name != null && !name.isBlank();
        if (me.role().staff() && aboutResident) {
            var found = residents.find(me, community, building, room, name);
            return new Referrals.Person(found.communityId(), found.residentId(), null, found.name());
        }
        String home = null;
        if (me.role().staff()) {
            home = community != null && !community.isBlank() && me.scope().covers(community) ? community
                    : places.communities(me.scope()).stream().map(Places.CommunityView::id).findFirst().orElse(null);
        } else if (me.role() == Role.VOLUNTEER) {
            home = volunteers.byUser(me.userId()).map(VolunteerDirectory.VolunteerView::communityId).orElse(null);
        } else {
            home = me.householdId().flatMap(registry::communityOfHousehold).orElse(null);
        }
        if (home == null) {
            throw new InvalidValueException("care.screening.no-community");
        }
        return new Referrals.Person(home, null, me.userId(), me.displayName());
    }

    private static Instrument instrument(String code) {
        return "gad7".equalsIgnoreCase(code) ? Instrument.GAD7 : Instrument.PHQ9;
    }

    // ---- staff -------------------------------------------------------------------------------------------

    @GetMapping("/care/referrals")
    @PreAuthorize(STAFF)
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("referrals", referrals.list(me.scope()));
        var duties = new ArrayList<Referrals.Duty>();
        for (var c : places.communities(me.scope())) {
            duties.addAll(referrals.duties(c.id()));
        }
        model.addAttribute("duties", duties);
        model.addAttribute("communities", places.communities(me.scope()));
        return "care/referrals/list";
    }

    @PostMapping("/care/referrals")
    @PreAuthorize(STAFF)
    String refer(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                 @RequestParam(required = false) @Nullable String building,
                 @RequestParam(required = false) @Nullable String room,
                 @RequestParam(required = false) @Nullable String name,
                 @RequestParam(required = false) @Nullable UUID expert,
                 @RequestParam(required = false) @Nullable String reason,
                 @RequestParam(defaultValue = "false") boolean urgent, RedirectAttributes redirect) {
        try {
            if (name == null || name.isBlank()) {
                throw new InvalidValueException("care.observation.who-required");
            }
            var person = person(me, community, building, room, name);
            var id = referrals.refer(person, Referrals.Source.STAFF, null, reason, urgent, expert, me.displayName(), null);
            redirect.addFlashAttribute("ok", "care.referral.made");
            return "redirect:/care/referrals/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/care/referrals";
        }
    }

    @GetMapping("/care/referrals/{id}")
    @PreAuthorize(STAFF + " or hasRole('EXPERT')")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var r = referrals.view(me, id);
        model.addAttribute("referral", r);
        model.addAttribute("reason", referrals.reason(id));
        model.addAttribute("sessions", referrals.sessions(id));
        model.addAttribute("screening", r.screeningId() == null ? null : referrals.screening(r.screeningId()).orElse(null));
        model.addAttribute("services", services.of(ServiceReferrals.Subject.REFERRAL, id));
        model.addAttribute("offered", me.role().staff() ? services.offered(r.communityId()) : java.util.List.of());
        return "care/referrals/detail";
    }

    @PostMapping("/care/referrals/{id}/services")
    @PreAuthorize(STAFF)
    String referToService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                          @RequestParam(required = false) @Nullable String service,
                          @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(redirect, "care.service.referred", id, () -> services.refer(me, ServiceReferrals.Subject.REFERRAL,
                id, referrals.get(me, id).communityId(), service, note));
    }

    @PostMapping("/care/referrals/{id}/acknowledge")
    @PreAuthorize("hasRole('EXPERT')")
    String acknowledge(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "care.referral.acknowledged", id, () -> referrals.acknowledge(me, id));
    }

    @PostMapping("/care/referrals/{id}/sessions")
    @PreAuthorize("hasRole('EXPERT')")
    String session(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(redirect, "care.referral.session-logged", id, () -> referrals.session(me, id, note));
    }

    @PostMapping("/care/referrals/{id}/close")
    @PreAuthorize(STAFF + " or hasRole('EXPERT')")
    String close(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "care.referral.closed", id, () -> referrals.close(me, id));
    }

    // ---- the expert --------------------------------------------------------------------------------------

    @GetMapping("/care/expert")
    @PreAuthorize("hasRole('EXPERT')")
    String expert(@AuthenticationPrincipal LiandongUser me, Model model) {
        var onCall = new java.util.HashSet<String>();
        referrals.dutiesOf(me.userId()).stream().filter(Referrals.Duty::onCall).forEach(d -> onCall.add(d.communityId()));
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("onCall", onCall);
        model.addAttribute("referrals", referrals.forExpert(me.userId()));
        return "care/referrals/expert";
    }

    @PostMapping("/care/expert/duty")
    @PreAuthorize("hasRole('EXPERT')")
    String duty(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                @RequestParam(defaultValue = "false") boolean onCall, RedirectAttributes redirect) {
        try {
            referrals.setDuty(me, community, onCall);
            redirect.addFlashAttribute("ok", onCall ? "care.expert.on-call" : "care.expert.off-call");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/care/expert";
    }

    private String act(RedirectAttributes redirect, String okKey, UUID id, Runnable action) {
        return forms.run(redirect, okKey, "/care/referrals/" + id, action);
    }

    @Configuration(proxyBeanMethods = false)
    static class ReferralNavigation {

        @Bean
        NavigationItem careReferralNavigation() {
            return new NavigationItem("nav.care.referrals", "/care/referrals",
                    EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 44, "care");
        }

        @Bean
        NavigationItem careExpertNavigation() {
            return new NavigationItem("nav.care.expert", "/care/expert", EnumSet.of(Role.EXPERT), 10);
        }

        @Bean
        NavigationItem careScreeningNavigation() {
            return new NavigationItem("nav.care.screening", "/care/screening",
                    EnumSet.complementOf(EnumSet.of(Role.EXPERT)), 97, "me");
        }
    }

}

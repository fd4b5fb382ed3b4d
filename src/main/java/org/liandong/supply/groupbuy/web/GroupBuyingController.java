package org.liandong.supply.groupbuy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdRoll;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.liandong.supply.groupbuy.GroupBuying;
import org.liandong.supply.groupbuy.GroupBuyingReports;
import org.liandong.supply.groupbuy.GroupDistribution;
import org.liandong.supply.groupbuy.GroupOrder;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Group buying pages: the list (orders a household can place, group orders a leader or staff manage), opening a
 * group order, a household's order form, and the leader's page with totals per pack and building, closing, the
 * supplier's order sheet and the gate delivery. Plain forms, no script: they work on a cheap phone.
 */
@Controller
class GroupBuyingController {

    static final String LEADER_OR_STAFF = "hasAnyRole('BUILDING_GROUP_LEADER', 'SOCIAL_WORKER', 'COMMUNITY_STAFF', "
            + "'STREET_ADMIN', 'PLATFORM_ADMIN')";

    private final GroupBuying buying;
    private final GroupDistribution distribution;
    private final GroupBuyingReports reports;
    private final HouseholdRoll roll;
    private final Places places;
    private final LocalisedText text;

    GroupBuyingController(GroupBuying buying, GroupDistribution distribution, GroupBuyingReports reports,
                          HouseholdRoll roll, Places places, LocalisedText text) {
        this.buying = buying;
        this.distribution = distribution;
        this.reports = reports;
        this.roll = roll;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/supply/groupbuy")
    String index(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("hasHousehold", me.householdId().isPresent());
        model.addAttribute("mine", me.householdId().map(buying::forHousehold).orElse(List.of()));
        model.addAttribute("managed", buying.managedOrders(me));
        model.addAttribute("canOpen", canOpen(me));
        model.addAttribute("now", java.time.Instant.now());
        return "supply/groupbuy/index";
    }

    // ---- opening -----------------------------------------------------------------------------------------

    @GetMapping("/supply/groupbuy/new")
    @PreAuthorize(LEADER_OR_STAFF)
    String form(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                Model model) {
        boolean staff = me.roles().stream().anyMatch(Role::staff);
        var communities = staff ? places.communities(me.scope())
                : me.householdId().flatMap(roll::household)
                        .flatMap(h -> places.community(h.communityId())).map(List::of).orElse(List.of());
        if (communities.isEmpty()) {
            throw new OutOfScopeException();
        }
        var chosen = communities.stream().filter(c -> c.id().equals(community)).findFirst()
                .orElse(communities.getFirst());
        model.addAttribute("communities", communities);
        model.addAttribute("community", chosen);
        model.addAttribute("staff", staff);
        model.addAttribute("groups", staff ? roll.buildingGroups(chosen.id()) : Map.of());
        model.addAttribute("ownGroup", staff ? null : me.householdId().flatMap(roll::household)
                .map(HouseholdRoll.Entry::buildingGroup).orElse(null));
        model.addAttribute("rows", 6);
        return "supply/groupbuy/new";
    }

    @PostMapping("/supply/groupbuy")
    @PreAuthorize(LEADER_OR_STAFF)
    String open(@AuthenticationPrincipal LiandongUser me, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        try {
            var packs = new ArrayList<GroupBuying.NewPack>();
            for (int i = 0; i < 12; i++) {
                packs.add(new GroupBuying.NewPack(form.get("pack" + i + ".name"), form.get("pack" + i + ".unit"),
                        form.get("pack" + i + ".price"), form.get("pack" + i + ".limit")));
            }
            var scope = form.getOrDefault("scope", "group");
            UUID group = null;
            if (scope.startsWith("g:")) {
                try {
                    group = UUID.fromString(scope.substring(2));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException("groupbuy.open.error.group");
                }
            }
            boolean free = "on".equals(form.get("free")) || "true".equals(form.get("free"));
            var order = buying.open(me, new GroupBuying.NewGroupOrder(form.getOrDefault("community", ""),
                    "community".equals(scope), form.getOrDefault("title", ""), form.getOrDefault("supplier", ""),
                    form.get("supplierPhone"), form.get("licenceNote"), free, form.get("donor"),
                    dateTime(form.get("deadline")), date(form.get("deliveryDate")), packs), group);
            redirect.addFlashAttribute("ok", "groupbuy.open.done");
            return "redirect:/supply/groupbuy/" + order.id() + "/manage";
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            redirect.addFlashAttribute("typed", form);
            var community = form.get("community");
            return "redirect:/supply/groupbuy/new" + (community == null ? "" : "?community=" + community);
        }
    }

    // ---- a household orders ------------------------------------------------------------------------------

    @GetMapping("/supply/groupbuy/{id}")
    String order(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        if (me.householdId().isEmpty()) {
            return "redirect:/supply/groupbuy/" + id + "/manage";
        }
        model.addAttribute("view", buying.forHousehold(me, id));
        model.addAttribute("manages", buying.order(id).map(o -> buying.manages(me, o)).orElse(false));
        model.addAttribute("token", UUID.randomUUID().toString());
        return "supply/groupbuy/order";
    }

    @PostMapping("/supply/groupbuy/{id}/order")
    String place(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                 @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        UUID household = null;
        if (form.get("household") != null && !form.get("household").isBlank()) {
            try {
                household = UUID.fromString(form.get("household").strip());
            } catch (IllegalArgumentException e) {
                throw new OutOfScopeException();
            }
        }
        var quantities = prefixed(form, "q.");
        var back = household == null ? "redirect:/supply/groupbuy/" + id : "redirect:/supply/groupbuy/" + id + "/manage";
        try {
            var placed = buying.place(me, id, household, quantities, form.get("token"));
            redirect.addFlashAttribute("ok", placed.isPresent() ? "groupbuy.order.done" : "groupbuy.order.withdrawn");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return back;
    }

    // ---- the leader's page -------------------------------------------------------------------------------

    @GetMapping("/supply/groupbuy/{id}/manage")
    @PreAuthorize(LEADER_OR_STAFF)
    String manage(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var order = totals(me, id, model);
        model.addAttribute("state", order.stateKey(java.time.Instant.now()));
        model.addAttribute("takesOrders", order.takesOrders(java.time.Instant.now()));
        model.addAttribute("phone", buying.supplierPhone(me, order));
        model.addAttribute("households", order.status() == GroupOrder.Status.OPEN ? buying.households(me, order)
                : List.of());
        model.addAttribute("unpaid", distribution.unpaid(me, id).size());
        model.addAttribute("token", UUID.randomUUID().toString());
        return "supply/groupbuy/manage";
    }

    @PostMapping("/supply/groupbuy/{id}/close")
    @PreAuthorize(LEADER_OR_STAFF)
    String close(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            buying.close(me, id);
            redirect.addFlashAttribute("ok", "groupbuy.close.done");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/supply/groupbuy/" + id + "/manage";
    }

    @GetMapping("/supply/groupbuy/{id}/sheet")
    @PreAuthorize(LEADER_OR_STAFF)
    String sheet(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        totals(me, id, model);
        return "supply/groupbuy/sheet";
    }

    /** The group order with its community and its totals per pack and per building, for the leader's pages. */
    private GroupOrder totals(LiandongUser me, UUID id, Model model) {
        var order = buying.managed(me, id);
        model.addAttribute("order", order);
        model.addAttribute("community", places.community(order.communityId()).orElseThrow());
        var totals = buying.packTotals(id);
        model.addAttribute("totals", totals);
        model.addAttribute("sum", org.liandong.supply.groupbuy.Money.yuan(totals.stream()
                .mapToLong(t -> (long) t.ordered() * t.pack().priceCents()).sum()));
        model.addAttribute("buildings", buying.buildingTotals(id));
        return order;
    }

    @GetMapping("/supply/groupbuy/{id}/sheet.xlsx")
    @PreAuthorize(LEADER_OR_STAFF)
    void sheetXlsx(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, HttpServletResponse response)
            throws IOException {
        var order = buying.managed(me, id);
        attachment(response, "group-order-" + order.deliveryDate() + ".xlsx");
        reports.orderSheet(order, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @GetMapping("/supply/groupbuy/{id}/report.xlsx")
    @PreAuthorize(LEADER_OR_STAFF)
    void reportXlsx(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, HttpServletResponse response)
            throws IOException {
        var order = buying.managed(me, id);
        attachment(response, "group-order-report-" + order.deliveryDate() + ".xlsx");
        reports.orderReport(me, order, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @PostMapping("/supply/groupbuy/{id}/delivery")
    @PreAuthorize(LEADER_OR_STAFF)
    String delivery(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                    @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var received = prefixed(form, "r.");
        try {
            distribution.recordDelivery(me, id, received);
            redirect.addFlashAttribute("ok", "groupbuy.delivery.done");
            return "redirect:/supply/groupbuy/" + id + "/checklist";
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/supply/groupbuy/" + id + "/manage";
        }
    }

    /** Form fields named {@code <prefix><pack id>}, by pack id. */
    private static Map<String, String> prefixed(Map<String, String> form, String prefix) {
        var out = new LinkedHashMap<String, String>();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    static boolean canOpen(LiandongUser me) {
        return me.roles().stream().anyMatch(Role::staff)
                || me.holds(Role.BUILDING_GROUP_LEADER) && me.householdId().isPresent();
    }

    static void attachment(HttpServletResponse response, String filename) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }

    private static @Nullable LocalDateTime dateTime(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("groupbuy.open.error.deadline");
        }
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("groupbuy.open.error.delivery-date");
        }
    }
}

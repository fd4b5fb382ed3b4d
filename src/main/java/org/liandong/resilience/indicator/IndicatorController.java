package org.liandong.resilience.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.StageHistory;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.resilience.Dimension;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The indicator pages: a community's twelve indicators by dimension with its pillar sub-indices and their weight
 * sensitivity, and a street's table of its communities. Staff and social workers see their own communities, street
 * admins their street; anything else is a 404.
 */
@Controller
@PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
class IndicatorController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    /** One community's line in the street table. */
    record StreetLine(Places.CommunityView community, List<Pillar> pillars, long measured, long suppressed,
                      long noData) {
    }

    private final IndicatorBoard board;
    private final Places places;
    private final StageHistory stages;
    private final Clock clock;

    IndicatorController(IndicatorBoard board, Places places, StageHistory stages, Clock clock) {
        this.board = board;
        this.places = places;
        this.stages = stages;
        this.clock = clock;
    }

    @GetMapping("/resilience/indicators")
    String index(@AuthenticationPrincipal LiandongUser me, Model model) {
        var communities = places.communities(me.scope());
        if (communities.size() == 1) {
            return "redirect:/resilience/indicators/" + communities.getFirst().id();
        }
        var streets = communities.stream().map(Places.CommunityView::streetId).distinct().toList();
        if (streets.size() == 1) {
            return "redirect:/resilience/indicators/street/" + streets.getFirst();
        }
        model.addAttribute("streets", streets.stream().map(places::street).flatMap(java.util.Optional::stream).toList());
        return "resilience/indicator/index";
    }

    @GetMapping("/resilience/indicators/{communityId}")
    String community(@AuthenticationPrincipal LiandongUser me, @PathVariable String communityId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                     Model model) {
        me.scope().check(communityId);
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        var window = window(from, to, model);
        var measurements = board.measure(communityId, window.from(), window.to());
        var byDimension = new LinkedHashMap<Dimension, List<Measurement>>();
        for (var d : Dimension.values()) {
            byDimension.put(d, measurements.stream().filter(m -> m.indicator().dimension() == d).toList());
        }
        model.addAttribute("community", community);
        model.addAttribute("byDimension", byDimension);
        model.addAttribute("pillars", IndicatorBoard.pillars(measurements));
        model.addAttribute("computedAt", measurements.getFirst().reading().computedAt().atZone(IndicatorBoard.ZONE)
                .toLocalDateTime());
        model.addAttribute("stageSince", stages.changes(communityId).stream().reduce((a, b) -> b)
                .map(c -> c.at().atZone(IndicatorBoard.ZONE).toLocalDate()).orElse(null));
        return "resilience/indicator/community";
    }

    @GetMapping("/resilience/indicators/street/{streetId}")
    String street(@AuthenticationPrincipal LiandongUser me, @PathVariable String streetId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                  Model model) {
        var street = places.street(streetId).orElseThrow(OutOfScopeException::new);
        var communities = places.communities(me.scope()).stream().filter(c -> c.streetId().equals(streetId)).toList();
        if (communities.isEmpty()) {
            throw new OutOfScopeException();
        }
        var window = window(from, to, model);
        var lines = communities.stream().map(c -> {
            var m = board.measure(c.id(), window.from(), window.to());
            return new StreetLine(c, IndicatorBoard.pillars(m), m.stream().filter(Measurement::measured).count(),
                    m.stream().filter(Measurement::suppressed).count(),
                    m.stream().filter(x -> !x.measured() && !x.suppressed()).count());
        }).toList();
        model.addAttribute("street", street);
        model.addAttribute("lines", lines);
        model.addAttribute("dimensions", Dimension.values());
        return "resilience/indicator/street";
    }

    record Window(LocalDate from, LocalDate to) {
    }

    /** The window asked for, or the last 30 days; a bad window is refused with a message, not a 500. */
    private Window window(@Nullable LocalDate from, @Nullable LocalDate to, Model model) {
        var today = LocalDate.now(clock.withZone(IndicatorBoard.ZONE));
        var end = to == null ? today : to;
        var start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        if (end.isAfter(today)) {
            throw new InvalidValueException("resilience-indicator.problem.future");
        }
        if (start.isAfter(end)) {
            throw new InvalidValueException("resilience-indicator.problem.order");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidValueException("resilience-indicator.problem.too-long", MAX_DAYS);
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("today", today);
        model.addAttribute("minDenominator", board.minDenominator());
        return new Window(start, end);
    }
}

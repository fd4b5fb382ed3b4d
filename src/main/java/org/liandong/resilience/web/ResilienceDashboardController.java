package org.liandong.resilience.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.Dimension;
import org.liandong.resilience.report.Texts;
import org.liandong.resilience.score.CommunityResilience;
import org.liandong.resilience.score.RoundResult;
import org.liandong.resilience.statistics.Estimate;
import org.liandong.resilience.survey.Instrument;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The resilience dashboard: per community a radar of the three dimensions with their CIs, the trend across rounds,
 * the indicators with their denominators and the playbook summary; per street its communities side by side. The
 * charts (ECharts) read their data from a {@code data-chart} attribute: the CSP allows no inline script.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ResilienceDashboardController {

    private final CommunityResilience resilience;
    private final Places places;
    private final LocalisedText text;
    private final int minimumN;
    private final ObjectMapper json = new ObjectMapper();

    ResilienceDashboardController(CommunityResilience resilience, Places places, LocalisedText text,
                        org.liandong.resilience.score.RoundScores scores) {
        this.resilience = resilience;
        this.places = places;
        this.text = text;
        this.minimumN = scores.minimumN();
    }

    @org.springframework.web.bind.annotation.ModelAttribute("minimumN")
    int minimumN() {
        return minimumN;
    }

    @GetMapping("/resilience/dashboard/go")
    String go(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String communityId) {
        return communityId.matches("[0-9A-Za-z]{1,12}") ? "redirect:/resilience/communities/" + communityId
                : "redirect:/resilience/dashboard";
    }

    @GetMapping("/resilience/dashboard")
    String dashboard(@AuthenticationPrincipal LiandongUser me) {
        var communities = places.communities(me.scope());
        if (me.role().admin() && !communities.isEmpty()) {
            return "redirect:/resilience/streets/" + communities.get(0).streetId();
        }
        return communities.isEmpty() ? "redirect:/resilience"
                : "redirect:/resilience/communities/" + communities.get(0).id();
    }

    @GetMapping("/resilience/communities/{id}")
    String community(@AuthenticationPrincipal LiandongUser me, @PathVariable String id, Model model) {
        var view = resilience.community(me.scope(), id);
        model.addAttribute("view", view);
        model.addAttribute("communities", places.communities(me.scope()));
        if (view.latest() != null) {
            model.addAttribute("weightingProblem", Texts.weightingProblem(text, view.latest().weighting()));
            model.addAttribute("dimensions", dimensionScores(view.latest()));
        }
        model.addAttribute("radarJson", view.latest() == null || view.latest().suppressedKey() != null ? null
                : write(radar(view.latest())));
        model.addAttribute("trendJson", view.rounds().isEmpty() ? null : write(trend(view.rounds())));
        return "resilience/dashboard/community";
    }

    @GetMapping("/resilience/streets/{id}")
    @PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
    String street(@AuthenticationPrincipal LiandongUser me, @PathVariable String id, Model model) {
        var view = resilience.street(me.scope(), id);
        model.addAttribute("view", view);
        var labels = new ArrayList<String>();
        var values = new ArrayList<@Nullable Double>();
        var lower = new ArrayList<@Nullable Double>();
        var upper = new ArrayList<@Nullable Double>();
        for (var line : view.lines()) {
            var total = line.latest() == null || line.latest().scale(Instrument.TOTAL) == null ? null
                    : line.latest().scale(Instrument.TOTAL).percent();
            labels.add(line.community().name());
            values.add(total == null ? null : total.value());
            lower.add(total == null ? null : total.lower());
            upper.add(total == null ? null : total.upper());
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", "bars");
        chart.put("labels", labels);
        chart.put("value", values);
        chart.put("lower", lower);
        chart.put("upper", upper);
        chart.put("name", text.of("resilience.dashboard.total-percent"));
        model.addAttribute("barsJson", write(chart));
        return "resilience/dashboard/street";
    }

    /** The three dimensions of a round, in order, for the table beside the radar. */
    static List<RoundResult.ScaleScore> dimensionScores(RoundResult result) {
        var list = new ArrayList<RoundResult.ScaleScore>();
        for (var d : Dimension.values()) {
            var s = result.scale(Instrument.dimensionId(d));
            if (s != null) {
                list.add(s);
            }
        }
        var total = result.scale(Instrument.TOTAL);
        if (total != null) {
            list.add(total);
        }
        return list;
    }

    private Map<String, Object> radar(RoundResult result) {
        var labels = new ArrayList<String>();
        var values = new ArrayList<@Nullable Double>();
        var lower = new ArrayList<@Nullable Double>();
        var upper = new ArrayList<@Nullable Double>();
        for (var d : Dimension.values()) {
            var s = result.scale(Instrument.dimensionId(d));
            labels.add(text.of(d.messageKey()));
            var e = s == null ? null : s.percent();
            values.add(e == null ? null : e.value());
            lower.add(e == null ? null : e.lower());
            upper.add(e == null ? null : e.upper());
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", "radar");
        chart.put("labels", labels);
        chart.put("value", values);
        chart.put("lower", lower);
        chart.put("upper", upper);
        chart.put("names", List.of(text.of("resilience.dashboard.estimate"), text.of("resilience.dashboard.lower"),
                text.of("resilience.dashboard.upper")));
        return chart;
    }

    private Map<String, Object> trend(List<RoundResult> rounds) {
        var x = new ArrayList<String>();
        var series = new ArrayList<Map<String, Object>>();
        var keys = new ArrayList<String[]>();
        for (var d : Dimension.values()) {
            keys.add(new String[] {Instrument.dimensionId(d), text.of(d.messageKey())});
        }
        keys.add(new String[] {Instrument.TOTAL, text.of("resilience.scale.total")});
        for (var r : rounds) {
            x.add(text.of(r.round().stage().messageKey()) + " "
                    + java.time.LocalDate.ofInstant(r.round().openedAt(), java.time.ZoneId.systemDefault()));
        }
        for (var k : keys) {
            var data = new ArrayList<@Nullable Double>();
            var lower = new ArrayList<@Nullable Double>();
            var upper = new ArrayList<@Nullable Double>();
            for (var r : rounds) {
                var s = r.scale(k[0]);
                Estimate e = s == null ? null : s.percent();
                data.add(e == null ? null : e.value());
                lower.add(e == null ? null : e.lower());
                upper.add(e == null ? null : e.upper());
            }
            var one = new LinkedHashMap<String, Object>();
            one.put("name", k[1]);
            one.put("data", data);
            one.put("lower", lower);
            one.put("upper", upper);
            series.add(one);
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", "trend");
        chart.put("x", x);
        chart.put("series", series);
        return chart;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.liandong.notice.casenotice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.community.HouseholdDirectory;
import org.liandong.community.Places;
import org.liandong.notice.Audience;
import org.liandong.notice.Choice;
import org.liandong.notice.NoticeCategory;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.notice.board.NoticeDraft;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymised case notices. The form is checked (dates, readings, no personal data in the note), the place
 * is coarsened by the k-rule, the author sees exactly what residents will see, and publishing sends it to
 * the whole community as a notice of the category "case information".
 */
@Service
public class CaseNotices {

    static final int NOTE_MAX = 300;
    static final int READINGS_MAX = 14;
    private static final BigDecimal LOWEST = new BigDecimal("34.0");
    private static final BigDecimal HIGHEST = new BigDecimal("43.0");

    private final JdbcClient jdbc;
    private final Places places;
    private final HouseholdDirectory households;
    private final NoticeBoard board;
    private final MessageSource messages;
    private final CaseSettings settings;
    private final Clock clock;

    CaseNotices(JdbcClient jdbc, Places places, HouseholdDirectory households, NoticeBoard board,
                MessageSource messages, CaseSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.households = households;
        this.board = board;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    public int k() {
        return settings.k();
    }

    /** Checks the form and returns what residents would see; nothing is stored. */
    public CaseView preview(LiandongUser staff, CaseForm form) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var community = form.community() == null ? "" : form.community();
        staff.scope().check(community);
        var today = LocalDate.now(clock.withZone(NoticeTime.ZONE));
        var reportedOn = date(form.reportedOn());
        if (reportedOn.isAfter(today) || reportedOn.isBefore(today.minusDays(60))) {
            throw new InvalidValueException("notice.case.error.date");
        }
        var status = Choice.of(CaseStatus.class, form.status(), "notice.case.error.status");
        var symptoms = EnumSet.noneOf(Symptom.class);
        for (var s : form.symptoms() == null ? List.<String>of() : form.symptoms()) {
            symptoms.add(Choice.of(Symptom.class, s, "notice.case.error.symptom"));
        }
        if (symptoms.contains(Symptom.NONE) && symptoms.size() > 1) {
            throw new InvalidValueException("notice.case.error.symptom-none");
        }
        var readings = readings(form.temperatures(), reportedOn);
        var note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (note != null && note.length() > NOTE_MAX) {
            throw new InvalidValueException("notice.case.error.note-too-long", NOTE_MAX);
        }
        if (note != null) {
            PersonalDataScan.check(note, households.residentNames(community), today);
        }
        var place = place(community, form.building());
        return new CaseView(reportedOn, status, place.level(), place.label(), place.households(), settings.k(),
                List.copyOf(symptoms), readings,
                Trend.of(readings.stream().map(CaseView.Reading::celsius).toList()), note);
    }

    /** Publishes the case notice to every household of the community; returns the notice's id. */
    @Transactional
    public UUID publish(LiandongUser staff, CaseForm form) {
        var view = preview(staff, form);
        var zh = Locale.SIMPLIFIED_CHINESE;
        var date = messages.getMessage("notice.case.date", new Object[] {view.reportedOn().getMonthValue(),
                view.reportedOn().getDayOfMonth()}, zh);
        var title = messages.getMessage("notice.case.notice-title",
                new Object[] {view.placeLabel(), date, messages.getMessage(view.status().messageKey(), null, zh)}, zh);
        var body = messages.getMessage("notice.case.notice-body", new Object[] {
                messages.getMessage(view.status().messageKey(), null, zh), view.placeLabel(),
                view.symptoms().isEmpty() ? "-" : view.symptoms().stream()
                        .map(s -> messages.getMessage(s.messageKey(), null, zh)).collect(Collectors.joining("、")),
                view.temperatures().isEmpty() ? "-" : view.temperatures().stream()
                        .map(r -> r.celsius().toPlainString()).collect(Collectors.joining(" → ")),
                messages.getMessage(view.trend().messageKey(), null, zh),
                view.note() == null ? "-" : view.note()}, zh);
        var id = board.publish(staff, new NoticeDraft(Audience.COMMUNITY, form.community() == null ? "" : form.community(),
                null, null, null, NoticeCategory.CASE_INFORMATION, title, body, false, null, List.of()));
        jdbc.sql("""
                insert into case_notice (id, notice_id, community_id, reported_on, status, place_level, place_label,
                    place_households, k, symptoms, temperatures, trend, note)
                values (:id, :n, :c, :d, :status, :level, :label, :hh, :k, :symptoms, :temps, :trend, :note)""")
                .param("id", UUID.randomUUID()).param("n", id).param("c", form.community())
                .param("d", java.sql.Date.valueOf(view.reportedOn())).param("status", view.status().name())
                .param("level", view.placeLevel().name()).param("label", view.placeLabel())
                .param("hh", view.placeHouseholds()).param("k", view.k())
                .param("symptoms", view.symptoms().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("temps", view.temperatures().stream().map(r -> r.celsius().toPlainString())
                        .collect(Collectors.joining(",")))
                .param("trend", view.trend().name()).param("note", view.note()).update();
        return id;
    }

    /** The case facts of a notice, when it is a case notice (the caller has checked the reader may see it). */
    public Optional<CaseView> ofNotice(UUID noticeId) {
        return jdbc.sql("select * from case_notice where notice_id = :n").param("n", noticeId)
                .query((rs, i) -> {
                    var day = rs.getDate("reported_on").toLocalDate();
                    var temps = rs.getString("temperatures").isEmpty() ? List.<String>of()
                            : List.of(rs.getString("temperatures").split(","));
                    var readings = new ArrayList<CaseView.Reading>();
                    for (int t = 0; t < temps.size(); t++) {
                        readings.add(new CaseView.Reading(day.minusDays(temps.size() - 1 - t), new BigDecimal(temps.get(t))));
                    }
                    var symptoms = rs.getString("symptoms").isEmpty() ? List.<Symptom>of()
                            : java.util.Arrays.stream(rs.getString("symptoms").split(",")).map(Symptom::valueOf).toList();
                    return new CaseView(day, CaseStatus.valueOf(rs.getString("status")),
                            PlaceLevel.valueOf(rs.getString("place_level")), rs.getString("place_label"),
                            rs.getInt("place_households"), rs.getInt("k"), symptoms, readings,
                            Trend.valueOf(rs.getString("trend")), rs.getString("note"));
                }).optional();
    }

    record Place(PlaceLevel level, String label, int households) {
    }

    /** The finest of building → building group → grid → community (→ street) that holds at least k households. */
    Place place(String communityId, @Nullable String building) {
        UUID buildingId;
        try {
            buildingId = UUID.fromString(building == null ? "" : building);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("notice.case.error.building");
        }
        var counts = households.countsAround(buildingId).filter(c -> c.communityId().equals(communityId))
                .orElseThrow(() -> new InvalidValueException("notice.case.error.building"));
        int k = settings.k();
        if (counts.buildingHouseholds() >= k) {
            return new Place(PlaceLevel.BUILDING, counts.community() + " " + counts.building(),
                    (int) counts.buildingHouseholds());
        }
        if (counts.buildingGroupHouseholds() >= k) {
            return new Place(PlaceLevel.BUILDING_GROUP, counts.community() + " " + counts.buildingGroup(),
                    (int) counts.buildingGroupHouseholds());
        }
        if (counts.gridHouseholds() >= k) {
            return new Place(PlaceLevel.GRID, counts.community() + " " + counts.grid(), (int) counts.gridHouseholds());
        }
        if (counts.communityHouseholds() >= k) {
            return new Place(PlaceLevel.COMMUNITY, counts.community(), (int) counts.communityHouseholds());
        }
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        var streetHouseholds = households.ofCommunities(places.communityIdsOfStreet(community.streetId())).size();
        return new Place(PlaceLevel.STREET, community.streetName(), streetHouseholds);
    }

    private static List<CaseView.Reading> readings(@Nullable String text, LocalDate last) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var parts = text.strip().split("[\\s,，、;；/]+");
        if (parts.length > READINGS_MAX) {
            throw new InvalidValueException("notice.case.error.too-many-readings", READINGS_MAX);
        }
        var readings = new ArrayList<CaseView.Reading>();
        for (int i = 0; i < parts.length; i++) {
            BigDecimal value;
            try {
                value = new BigDecimal(parts[i].replace("℃", "").replace("°C", "").replace("°", ""));
            } catch (NumberFormatException e) {
                throw new InvalidValueException("notice.case.error.reading", parts[i]);
            }
            if (value.compareTo(LOWEST) < 0 || value.compareTo(HIGHEST) > 0 || value.scale() > 1) {
                throw new InvalidValueException("notice.case.error.reading", parts[i]);
            }
            readings.add(new CaseView.Reading(last.minusDays(parts.length - 1 - i), value.setScale(1)));
        }
        return readings;
    }

    private static LocalDate date(@Nullable String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("notice.case.error.date");
        }
    }

}

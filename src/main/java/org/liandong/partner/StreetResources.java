package org.liandong.partner;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.supply.DonationIntake;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
import org.liandong.volunteer.Secondments;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the street moves between its communities from the coordination board: stock (through the supply module's
 * ledger) and volunteers or teams lent for a period (through the volunteer module's secondments); and the stock
 * and people each community has, for the board. Only street and platform admins move things.
 */
@Service
public class StreetResources {

    /** An item a community holds. */
    public record Stock(String item, String unit, long quantity) {
    }

    /** A community's volunteers today. */
    public record People(int activeVolunteers, int openTasks, int lentOut, int lentIn) {
    }

    public record Loan(UUID id, String name, boolean team, String fromName, String toName, LocalDate startsOn,
                       LocalDate endsOn) {
    }

    static final int LOAN_DAYS_MAX = 90;

    private final Places places;
    private final DonationIntake intake;
    private final Secondments secondments;
    private final MessageSource text;
    private final Clock clock;

    StreetResources(Places places, DonationIntake intake, Secondments secondments, MessageSource text, Clock clock) {
        this.places = places;
        this.intake = intake;
        this.secondments = secondments;
        this.text = text;
        this.clock = clock;
    }

    /** Stock in hand per community of the list (which the caller took from the person's scope). */
    public Map<String, List<Stock>> stock(List<Places.CommunityView> communities) {
        var result = new HashMap<String, List<Stock>>();
        communities.stream().collect(Collectors.groupingBy(Places.CommunityView::streetId,
                        Collectors.mapping(Places.CommunityView::id, Collectors.toList())))
                .forEach((street, ids) -> intake.stock(street, ids).forEach(s -> result
                        .computeIfAbsent(s.communityId(), k -> new java.util.ArrayList<>())
                        .add(new Stock(s.item(), s.unit(), s.quantity()))));
        return result;
    }

    public Map<String, People> people(List<Places.CommunityView> communities) {
        var result = new HashMap<String, People>();
        secondments.figures(communities.stream().map(Places.CommunityView::id).toList()).forEach((c, f) ->
                result.put(c, new People(f.activeVolunteers(), f.openTasks(), f.lentOut(), f.lentIn())));
        return result;
    }

    /** Loans running now or later that touch the communities. */
    public List<Loan> loans(List<Places.CommunityView> communities) {
        var names = communities.stream().collect(Collectors.toMap(Places.CommunityView::id,
                Places.CommunityView::name));
        return secondments.loans(names.keySet(), LocalDate.now(clock)).stream()
                .map(l -> new Loan(l.id(), l.name(), l.who().teamId() != null, name(names, l.fromCommunityId()),
                        name(names, l.toCommunityId()), l.startsOn(), l.endsOn())).toList();
    }

    private String name(Map<String, String> names, String id) {
        return names.computeIfAbsent(id, k -> places.community(k).map(Places.CommunityView::name).orElse(k));
    }

    /** Volunteers and teams of a community the person may lend. */
    public List<Secondments.Lendable> lendable(LiandongUser me, String communityId) {
        admin(me);
        me.scope().check(communityId);
        return secondments.lendable(communityId);
    }

    /**
     * Moves stock of one item from one community to another of the same street: an allocation out of the one
     * and a line in to the other, in the street's ledger. Refused, with nothing written, when the community holds
     * less than asked.
     */
    @Transactional
    public List<LedgerEntry> moveStock(LiandongUser me, @Nullable String from, @Nullable String to,
                                       @Nullable String item, @Nullable String unit, @Nullable String quantity,
                                       @Nullable String note) {
        admin(me);
        var pair = pair(me, from, to);
        var what = Texts.required(item, 100, "item");
        var u = Texts.required(unit, 20, "unit");
        var n = Texts.quantity(quantity);
        var why = Texts.optional(note, 300, "note");
        try {
            return intake.transfer(pair[0].streetId(), pair[0].id(), pair[0].name(), pair[1].id(), pair[1].name(),
                    what, u, n, why, "partner-transfer:" + UUID.randomUUID(), me.displayName());
        } catch (DonationIntake.NotEnoughStock e) {
            throw e.available() == 0
                    ? new InvalidValueException("partner.error.no-stock", pair[0].name(), what, u)
                    : new InvalidValueException("partner.error.stock-short", pair[0].name(), e.available(), u, what);
        }
    }

    /** Lends a volunteer ({@code v:<id>}) or team ({@code t:<id>}) of one community to another for a period. */
    @Transactional
    public UUID lend(LiandongUser me, @Nullable String from, @Nullable String who, @Nullable String to,
                     @Nullable String startsOn, @Nullable String endsOn, @Nullable String note) {
        admin(me);
        var pair = pair(me, from, to);
        var assignee = VolunteerTasks.Assignee.parse(who);
        var start = date(startsOn);
        var end = date(endsOn);
        if (end.isBefore(start)) {
            throw new InvalidValueException("partner.error.period");
        }
        if (end.isBefore(LocalDate.now(clock))) {
            throw new InvalidValueException("partner.error.date-past");
        }
        if (start.plusDays(LOAN_DAYS_MAX).isBefore(end)) {
            throw new InvalidValueException("partner.error.loan-too-long", LOAN_DAYS_MAX);
        }
        var why = Texts.optional(note, 300, "note");
        var title = stored("partner.loan.task-title", pair[1].name(), start.toString(), end.toString());
        try {
            return secondments.lend(assignee, pair[0].id(), pair[1].id(), start, end,
                    title.length() > 100 ? title.substring(0, 100) : title, why, me.displayName());
        } catch (Secondments.Refused e) {
            throw new InvalidValueException(switch (e.problem()) {
                case NOT_IN_COMMUNITY -> "partner.error.loan-not-in-community";
                case SAME_COMMUNITY -> "partner.error.same-community";
                case ALREADY_LENT -> "partner.error.already-lent";
            });
        }
    }

    /** The records written for a hand-over of goods or money: one donation line into the community, once. */
    LedgerEntry recordHandOver(CoordinationBoard.Match match, String streetId, String receivedBy, String by) {
        return intake.recordOnce(new Ledger.NewEntry(streetId, match.communityId(), LedgerEntry.Kind.DONATION,
                match.item(), match.quantity(), match.unit(), match.organisationName(),
                stored("partner.ledger.hand-over-note", receivedBy), "partner-match:" + match.id()), by);
    }

    /** Texts that are stored (public ledger lines, task titles) are written in the product's language, Chinese. */
    private String stored(String key, Object... args) {
        return text.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static void admin(LiandongUser me) {
        if (!me.role().admin()) {
            throw new OutOfScopeException();
        }
    }

    /** Two different communities of one street, both in the person's scope. */
    private Places.CommunityView[] pair(LiandongUser me, @Nullable String from, @Nullable String to) {
        var a = places.community(from == null ? "" : from).orElseThrow(
                () -> new InvalidValueException("partner.error.community"));
        var b = places.community(to == null ? "" : to).orElseThrow(
                () -> new InvalidValueException("partner.error.community"));
        if (!me.scope().covers(a.id()) || !me.scope().covers(b.id())) {
            throw new OutOfScopeException();
        }
        if (a.id().equals(b.id())) {
            throw new InvalidValueException("partner.error.same-community");
        }
        if (!a.streetId().equals(b.streetId())) {
            throw new InvalidValueException("partner.error.community");
        }
        return new Places.CommunityView[] {a, b};
    }

    private static LocalDate date(@Nullable String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("partner.error.date");
        }
    }
}

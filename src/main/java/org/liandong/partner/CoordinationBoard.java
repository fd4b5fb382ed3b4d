package org.liandong.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.RegistryOverview;
import org.liandong.community.Stage;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communities' needs, partners' offers and the matches between them, and the street's view of it all:
 * which community lacks what, which offers are open, matched, handed over. A hand-over is published as
 * {@link OfferHandedOver} for the donation ledger.
 */
@Service
public class CoordinationBoard {

    public record Need(UUID id, String communityId, String communityName, ResourceKind kind, String item, int quantity,
                       String unit, boolean urgent, @Nullable String note, int matched, int delivered,
                       boolean withdrawn) {

        /** What is still missing; nothing once withdrawn. */
        public int missing() {
            return withdrawn ? 0 : quantity - matched;
        }

        public String status() {
            return withdrawn ? "withdrawn" : delivered >= quantity ? "delivered" : matched >= quantity ? "matched"
                    : matched > 0 ? "partly-matched" : "open";
        }
    }

    public record Offer(UUID id, UUID organisationId, String organisationName, String streetId, ResourceKind kind,
                        String item, int quantity, String unit, @Nullable String conditions,
                        @Nullable LocalDate availableUntil, int matched, int delivered, boolean withdrawn) {

        /** What can still be matched; nothing once withdrawn. */
        public int left() {
            return withdrawn ? 0 : quantity - matched;
        }

        public String status() {
            return withdrawn ? "withdrawn" : delivered >= quantity ? "delivered" : matched >= quantity ? "matched"
                    : matched > 0 ? "partly-matched" : "open";
        }
    }

    public record Match(UUID id, UUID offerId, UUID needId, String organisationName, String communityId,
                        String communityName, ResourceKind kind, String item, int quantity, String unit,
                        boolean handedOver, @Nullable String receivedBy) {
    }

    /** A need the offer could fill, with the quantity suggested. */
    public record Suggestion(Need need, int quantity) {
    }

    /** One community's line on the street board. */
    public record CommunityLine(String id, String name, Stage stage, List<Need> openNeeds, int urgentNeeds,
                                List<Need> progress, int partners, long vulnerable, long vulnerableWithoutCarer,
                                List<StreetResources.Stock> stock, StreetResources.People people) {

        /** Units handed over, all needs together (only meaningful within one unit; for totals in tests). */
        public int deliveredItems() {
            return progress.stream().mapToInt(Need::delivered).sum();
        }
    }

    public record Board(List<CommunityLine> communities, List<Offer> openOffers, List<Match> pendingHandOvers) {
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final RegistryOverview registry;
    private final Partners partners;
    private final StreetResources resources;
    private final PartnerHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CoordinationBoard(JdbcClient jdbc, Places places, RegistryOverview registry, Partners partners,
                      StreetResources resources, PartnerHistory history, ApplicationEventPublisher events,
                      Clock clock) {
        this.history = history;
        this.jdbc = jdbc;
        this.places = places;
        this.registry = registry;
        this.partners = partners;
        this.resources = resources;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID postNeed(LiandongUser me, String communityId, String kind, String item, String quantity, String unit,
                         boolean urgent, @Nullable String note) {
        if (communityId == null || places.community(communityId).isEmpty()) {
            throw new InvalidValueException("partner.error.community");
        }
        me.scope().check(communityId);
        var k = Texts.choice(ResourceKind.class, kind);
        var what = Texts.required(item, 100, "item");
        var n = Texts.quantity(quantity);
        var u = Texts.required(unit, 20, "unit");
        var why = Texts.optional(note, 500, "note");
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_need (id, community_id, kind, item, quantity, unit, urgent, note, status, created_by,
                    created_at) values (:id, :c, :kind, :item, :q, :unit, :urgent, :note, 'OPEN', :by, :at)""")
                .param("id", id).param("c", communityId).param("kind", k.name()).param("item", what).param("q", n)
                .param("unit", u).param("urgent", urgent).param("note", why).param("by", me.displayName())
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    @Transactional
    public UUID recordOffer(LiandongUser me, UUID organisationId, String kind, String item, String quantity,
                            String unit, @Nullable String conditions, @Nullable String availableUntil) {
        return recordOffer(partners.organisation(me.scope(), organisationId), kind, item, quantity, unit, conditions,
                availableUntil, me.displayName());
    }

    UUID recordOffer(Partners.Organisation org, String kind, String item, String quantity, String unit,
                     @Nullable String conditions, @Nullable String availableUntil, String by) {
        var organisationId = org.id();
        if (!org.approved()) {
            throw new InvalidValueException("partner.error.not-approved");
        }
        var k = Texts.choice(ResourceKind.class, kind);
        var what = Texts.required(item, 100, "item");
        var n = Texts.quantity(quantity);
        var u = Texts.required(unit, 20, "unit");
        var terms = Texts.optional(conditions, 500, "conditions");
        var until = until(availableUntil);
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_offer (id, organisation_id, kind, item, quantity, unit, conditions, available_until,
                    status, created_by, created_at)
                values (:id, :o, :kind, :item, :q, :unit, :conditions, :until, 'OPEN', :by, :at)""")
                .param("id", id).param("o", organisationId).param("kind", k.name()).param("item", what).param("q", n)
                .param("unit", u).param("conditions", terms).param("until", until).param("by", by)
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    private static final String NEED_SELECT = """
            select n.*, c.name community_name,
                coalesce((select sum(m.quantity) from partner_match m where m.need_id = n.id), 0) matched,
                coalesce((select sum(m.quantity) from partner_match m where m.need_id = n.id
                    and m.status = 'HANDED_OVER'), 0) delivered
            from partner_need n join community c on c.id = n.community_id""";

    private static final String OFFER_SELECT = """
            select f.*, o.name org_name, o.street_id,
                coalesce((select sum(m.quantity) from partner_match m where m.offer_id = f.id), 0) matched,
                coalesce((select sum(m.quantity) from partner_match m where m.offer_id = f.id
                    and m.status = 'HANDED_OVER'), 0) delivered
            from partner_offer f join partner_organisation o on o.id = f.organisation_id""";

    private static final String MATCH_SELECT = """
            select m.*, o.name org_name, n.community_id, c.name community_name, f.kind, f.item, f.unit
            from partner_match m join partner_offer f on f.id = m.offer_id
            join partner_organisation o on o.id = f.organisation_id
            join partner_need n on n.id = m.need_id join community c on c.id = n.community_id""";

    private static Need need(ResultSet rs, int n) throws SQLException {
        return new Need(rs.getObject("id", UUID.class), rs.getString("community_id"), rs.getString("community_name"),
                ResourceKind.valueOf(rs.getString("kind")), rs.getString("item"), rs.getInt("quantity"),
                rs.getString("unit"), rs.getBoolean("urgent"), rs.getString("note"), rs.getInt("matched"),
                rs.getInt("delivered"), rs.getTimestamp("withdrawn_at") != null);
    }

    private static Offer offer(ResultSet rs, int n) throws SQLException {
        var until = rs.getDate("available_until");
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("org_name"), rs.getString("street_id"), ResourceKind.valueOf(rs.getString("kind")),
                rs.getString("item"), rs.getInt("quantity"), rs.getString("unit"), rs.getString("conditions"),
                until == null ? null : until.toLocalDate(), rs.getInt("matched"), rs.getInt("delivered"),
                rs.getTimestamp("withdrawn_at") != null);
    }

    private static Match match(ResultSet rs, int n) throws SQLException {
        return new Match(rs.getObject("id", UUID.class), rs.getObject("offer_id", UUID.class),
                rs.getObject("need_id", UUID.class), rs.getString("org_name"), rs.getString("community_id"),
                rs.getString("community_name"), ResourceKind.valueOf(rs.getString("kind")), rs.getString("item"),
                rs.getInt("quantity"), rs.getString("unit"), "HANDED_OVER".equals(rs.getString("status")),
                rs.getString("received_by"));
    }

    /** Needs of the communities in scope, most urgent and oldest first; {@code open} keeps those still missing. */
    public List<Need> needs(AccessScope scope, boolean open) {
        var communities = places.communities(scope).stream().map(Places.CommunityView::id).toList();
        if (communities.isEmpty()) {
            return List.of();
        }
        var list = jdbc.sql(NEED_SELECT + " where n.community_id in (:c) order by n.urgent desc, n.created_at")
                .param("c", communities).query(CoordinationBoard::need).list();
        return open ? list.stream().filter(n -> n.missing() > 0).toList() : list;
    }

    public Need need(AccessScope scope, UUID id) {
        var need = jdbc.sql(NEED_SELECT + " where n.id = :id").param("id", id).query(CoordinationBoard::need)
                .optional().orElseThrow(OutOfScopeException::new);
        scope.check(need.communityId());
        return need;
    }

    public List<Offer> offersOf(AccessScope scope, UUID organisationId) {
        partners.organisation(scope, organisationId);
        return jdbc.sql(OFFER_SELECT + " where f.organisation_id = :o order by f.created_at desc")
                .param("o", organisationId).query(CoordinationBoard::offer).list();
    }

    /** Every offer of one organisation, for its own partner account (no scope). */
    List<Offer> offersOfOrganisation(UUID organisationId) {
        return jdbc.sql(OFFER_SELECT + " where f.organisation_id = :o order by f.created_at desc")
                .param("o", organisationId).query(CoordinationBoard::offer).list();
    }

    /** Every match of one organisation's offers, for its own partner account. */
    List<Match> matchesOfOrganisation(UUID organisationId) {
        return jdbc.sql(MATCH_SELECT + " where f.organisation_id = :o order by m.matched_at desc")
                .param("o", organisationId).query(CoordinationBoard::match).list();
    }

    Optional<Offer> offerById(UUID id) {
        return jdbc.sql(OFFER_SELECT + " where f.id = :id").param("id", id).query(CoordinationBoard::offer).optional();
    }

    /** Offers of the partners of the streets in scope. */
    public List<Offer> offers(AccessScope scope) {
        var streets = partners.streets(scope).stream().map(Places.StreetView::id).toList();
        if (streets.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OFFER_SELECT + " where o.street_id in (:s) order by f.created_at desc").param("s", streets)
                .query(CoordinationBoard::offer).list();
    }

    public Offer offer(AccessScope scope, UUID id) {
        var offer = jdbc.sql(OFFER_SELECT + " where f.id = :id").param("id", id).query(CoordinationBoard::offer)
                .optional().orElseThrow(OutOfScopeException::new);
        partners.checkStreet(scope, offer.streetId());
        return offer;
    }

    public List<Match> matchesOf(AccessScope scope, UUID offerId) {
        offer(scope, offerId);
        return jdbc.sql(MATCH_SELECT + " where m.offer_id = :o order by c.name").param("o", offerId)
                .query(CoordinationBoard::match).list().stream().filter(m -> scope.covers(m.communityId())).toList();
    }

    /**
     * Open needs of the same kind in the offer's street whose item names overlap the offer's, urgent first,
     * each with the quantity that could go there: greedy, so the suggestions together never exceed the offer.
     */
    public List<Suggestion> suggestions(AccessScope scope, UUID offerId) {
        var offer = offer(scope, offerId);
        var ofStreet = places.communityIdsOfStreet(offer.streetId());
        var left = offer.left();
        var result = new ArrayList<Suggestion>();
        var matchedNeeds = jdbc.sql("select need_id from partner_match where offer_id = :o").param("o", offerId)
                .query(UUID.class).list();
        for (var need : needs(scope, true)) {
            if (left <= 0) {
                break;
            }
            if (need.kind() == offer.kind() && ofStreet.contains(need.communityId()) && similar(need.item(), offer.item())
                    && need.unit().equals(offer.unit()) && !matchedNeeds.contains(need.id())) {
                var q = Math.min(left, need.missing());
                result.add(new Suggestion(need, q));
                left -= q;
            }
        }
        return result;
    }

    /** 「医用口罩」 and 「口罩」 overlap; so do 「N95口罩」 and 「口罩（N95）」 by a shared two-character run. */
    static boolean similar(String a, String b) {
        var x = a.replaceAll("[\\s()（）]", "").toLowerCase(Locale.ROOT);
        var y = b.replaceAll("[\\s()（）]", "").toLowerCase(Locale.ROOT);
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        for (int i = 0; i + 2 <= x.length(); i++) {
            if (y.contains(x.substring(i, i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Matches part of an offer to a need. Never beyond what is left of either, never the same pair twice. */
    @Transactional
    public UUID match(LiandongUser me, UUID offerId, UUID needId, String quantity) {
        // lock the offer so two people matching at once cannot both take its last units
        jdbc.sql("select id from partner_offer where id = :id for update").param("id", offerId).query(UUID.class)
                .optional().orElseThrow(OutOfScopeException::new);
        var offer = offer(me.scope(), offerId);
        var need = need(me.scope(), needId);
        if (!places.communityIdsOfStreet(offer.streetId()).contains(need.communityId())) {
            throw new InvalidValueException("partner.error.community");
        }
        if (offer.withdrawn() || need.withdrawn()) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        if (offer.kind() != need.kind() || !offer.unit().equals(need.unit())) {
            throw new InvalidValueException("partner.error.kind-mismatch");
        }
        if (jdbc.sql("select count(*) from partner_match where offer_id = :o and need_id = :n").param("o", offerId)
                .param("n", needId).query(Long.class).single() > 0) {
            throw new InvalidValueException("partner.error.matched-twice");
        }
        var n = Texts.quantity(quantity);
        if (n > offer.left()) {
            throw new InvalidValueException("partner.error.offer-exceeded", offer.left(), offer.unit());
        }
        if (n > need.missing()) {
            throw new InvalidValueException("partner.error.need-exceeded", need.missing(), need.unit());
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into partner_match (id, offer_id, need_id, quantity, status, matched_by, matched_at)
                values (:id, :o, :n, :q, 'MATCHED', :by, :at)""").param("id", id).param("o", offerId)
                .param("n", needId).param("q", n).param("by", me.displayName())
                .param("at", Timestamp.from(clock.instant())).update();
        refreshStatuses(offerId, needId);
        return id;
    }

    /**
     * The community received what was matched: recorded once; goods and money go into the supply module's ledger
     * as a donation from the partner into the community (once per match, even if retried); published as
     * {@link OfferHandedOver}.
     */
    @Transactional
    public void handOver(LiandongUser me, UUID matchId, String receivedBy) {
        var match = jdbc.sql(MATCH_SELECT + " where m.id = :id").param("id", matchId).query(CoordinationBoard::match)
                .optional().orElseThrow(OutOfScopeException::new);
        me.scope().check(match.communityId());
        var who = Texts.required(receivedBy, 50, "received-by");
        var now = clock.instant();
        var changed = jdbc.sql("""
                update partner_match set status = 'HANDED_OVER', received_by = :who, handed_over_at = :at,
                    recorded_by = :by where id = :id and status = 'MATCHED'""").param("who", who)
                .param("at", Timestamp.from(now)).param("by", me.displayName()).param("id", matchId).update();
        if (changed == 0) {
            throw new InvalidValueException("partner.error.handed-over-twice");
        }
        refreshStatuses(match.offerId(), match.needId());
        var offer = offer(me.scope(), match.offerId());
        if (match.kind().ledgered()) {
            resources.recordHandOver(match, offer.streetId(), who, me.displayName());
        }
        events.publishEvent(new OfferHandedOver(matchId, match.offerId(), match.needId(), offer.organisationId(),
                offer.organisationName(), match.communityId(), match.kind(), match.item(), match.quantity(),
                match.unit(), who, now));
    }

    /**
     * Corrects a need: never below what is already matched to it, the unit only while nothing is matched. The fields
     * changed go to its history.
     */
    @Transactional
    public void editNeed(LiandongUser me, UUID id, String item, String quantity, String unit, boolean urgent,
                         @Nullable String note) {
        lock("partner_need", id);
        var need = need(me.scope(), id);
        if (need.withdrawn()) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        var what = Texts.required(item, 100, "item");
        var n = Texts.quantity(quantity);
        var u = Texts.required(unit, 20, "unit");
        var why = Texts.optional(note, 500, "note");
        checkCorrection(n, u, need.matched(), need.unit());
        var fields = changed(new Object[] {need.item(), what, "item"}, new Object[] {need.quantity(), n, "quantity"},
                new Object[] {need.unit(), u, "unit"}, new Object[] {need.urgent(), urgent, "urgent"},
                new Object[] {need.note(), why, "note"});
        if (fields.isEmpty()) {
            return;
        }
        jdbc.sql("update partner_need set item = :item, quantity = :q, unit = :unit, urgent = :urgent, note = :note"
                        + " where id = :id").param("item", what).param("q", n).param("unit", u).param("urgent", urgent)
                .param("note", why).param("id", id).update();
        refreshNeed(id);
        history.record("NEED", id, PartnerHistory.Action.EDITED, fields, null, me.displayName());
    }

    /** Withdraws what is still missing of a need: it leaves the board and cannot be matched; matches made stay. */
    @Transactional
    public void withdrawNeed(LiandongUser me, UUID id, @Nullable String reason) {
        lock("partner_need", id);
        var need = need(me.scope(), id);
        withdraw("partner_need", "NEED", id, need.withdrawn(), reason, me);
    }

    /** Corrects an offer (by staff, or by the partner itself through {@link PartnerPortal}). */
    @Transactional
    public void editOffer(LiandongUser me, UUID id, String item, String quantity, String unit,
                          @Nullable String conditions, @Nullable String availableUntil) {
        lock("partner_offer", id);
        editOffer(offer(me.scope(), id), item, quantity, unit, conditions, availableUntil, me.displayName());
    }

    void editOffer(Offer offer, String item, String quantity, String unit, @Nullable String conditions,
                   @Nullable String availableUntil, String by) {
        if (offer.withdrawn()) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        var what = Texts.required(item, 100, "item");
        var n = Texts.quantity(quantity);
        var u = Texts.required(unit, 20, "unit");
        var terms = Texts.optional(conditions, 500, "conditions");
        var until = until(availableUntil);
        checkCorrection(n, u, offer.matched(), offer.unit());
        var fields = changed(new Object[] {offer.item(), what, "item"}, new Object[] {offer.quantity(), n, "quantity"},
                new Object[] {offer.unit(), u, "unit"}, new Object[] {offer.conditions(), terms, "conditions"},
                new Object[] {offer.availableUntil(), until, "available-until"});
        if (fields.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update partner_offer set item = :item, quantity = :q, unit = :unit, conditions = :c,
                    available_until = :until where id = :id""").param("item", what).param("q", n).param("unit", u)
                .param("c", terms).param("until", until).param("id", offer.id()).update();
        refreshOffer(offer.id());
        history.record("OFFER", offer.id(), PartnerHistory.Action.EDITED, fields, null, by);
    }

    /** Withdraws what is left of an offer: it cannot be matched any more; matches made stay and can be handed over. */
    @Transactional
    public void withdrawOffer(LiandongUser me, UUID id, @Nullable String reason) {
        lock("partner_offer", id);
        var offer = offer(me.scope(), id);
        withdraw("partner_offer", "OFFER", id, offer.withdrawn(), reason, me);
    }

    void withdrawOffer(Offer offer, @Nullable String reason, LiandongUser me) {
        lock("partner_offer", offer.id());
        withdraw("partner_offer", "OFFER", offer.id(), offer.withdrawn(), reason, me);
    }

    private void withdraw(String table, String kind, UUID id, boolean already, @Nullable String reason,
                          LiandongUser me) {
        if (already) {
            throw new InvalidValueException("partner.error.withdrawn");
        }
        var why = Texts.optional(reason, 300, "reason");
        jdbc.sql("update " + table + " set withdrawn_at = :at, status = 'WITHDRAWN' where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        history.record(kind, id, PartnerHistory.Action.WITHDRAWN, List.of(), why, me.displayName());
    }

    private void lock(String table, UUID id) {
        jdbc.sql("select id from " + table + " where id = :id for update").param("id", id).query(UUID.class)
                .optional().orElseThrow(OutOfScopeException::new);
    }

    private static void checkCorrection(int quantity, String unit, int matched, String oldUnit) {
        if (quantity < matched) {
            throw new InvalidValueException("partner.error.below-matched", matched, oldUnit);
        }
        if (matched > 0 && !unit.equals(oldUnit)) {
            throw new InvalidValueException("partner.error.unit-matched");
        }
    }

    /** The names of the fields whose value differs: each argument is {old, new, field name}. */
    static List<String> changed(Object[]... triples) {
        var fields = new ArrayList<String>();
        for (var t : triples) {
            if (!java.util.Objects.equals(t[0], t[1])) {
                fields.add((String) t[2]);
            }
        }
        return fields;
    }

    private @Nullable LocalDate until(@Nullable String availableUntil) {
        if (availableUntil == null || availableUntil.isBlank()) {
            return null;
        }
        LocalDate until;
        try {
            until = LocalDate.parse(availableUntil.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("partner.error.date");
        }
        if (until.isBefore(LocalDate.now(clock))) {
            throw new InvalidValueException("partner.error.date-past");
        }
        return until;
    }

    private void refreshOffer(UUID offerId) {
        var offer = jdbc.sql(OFFER_SELECT + " where f.id = :id").param("id", offerId).query(CoordinationBoard::offer)
                .single();
        jdbc.sql("update partner_offer set status = :s where id = :id and withdrawn_at is null")
                .param("s", offer.status().toUpperCase(Locale.ROOT).replace('-', '_')).param("id", offerId).update();
    }

    private void refreshNeed(UUID needId) {
        var need = jdbc.sql(NEED_SELECT + " where n.id = :id").param("id", needId).query(CoordinationBoard::need)
                .single();
        jdbc.sql("update partner_need set status = :s where id = :id and withdrawn_at is null")
                .param("s", need.status().toUpperCase(Locale.ROOT).replace('-', '_')).param("id", needId).update();
    }

    private void refreshStatuses(UUID offerId, UUID needId) {
        refreshOffer(offerId);
        refreshNeed(needId);
    }

    /** The street's one screen: every community in scope with its stage and needs, open offers, hand-overs due. */
    public Board board(AccessScope scope) {
        var lines = new LinkedHashMap<String, CommunityLine>();
        var needs = needs(scope, false);
        var figures = new java.util.HashMap<String, RegistryOverview.CommunityFigures>();
        registry.figures(scope).forEach(f -> figures.put(f.id(), f));
        var communities = places.communities(scope);
        var stock = resources.stock(communities);
        var people = resources.people(communities);
        for (var c : communities) {
            var figure = figures.get(c.id());
            var own = needs.stream().filter(n -> n.communityId().equals(c.id())).toList();
            var open = own.stream().filter(n -> n.missing() > 0).toList();
            int partnersServing = jdbc.sql("""
                    select count(*) from partner_service_area a join partner_organisation o on o.id = a.organisation_id
                    where a.community_id = :c and o.status = 'APPROVED'""").param("c", c.id()).query(Integer.class)
                    .single();
            lines.put(c.id(), new CommunityLine(c.id(), c.name(), c.stage(), open,
                    (int) open.stream().filter(Need::urgent).count(),
                    own.stream().filter(n -> n.matched() > 0).toList(), partnersServing,
                    figure == null ? 0 : figure.vulnerable(), figure == null ? 0 : figure.vulnerableWithoutCarer(),
                    stock.getOrDefault(c.id(), List.of()),
                    people.getOrDefault(c.id(), new StreetResources.People(0, 0, 0, 0))));
        }
        var offers = offers(scope).stream().filter(o -> o.left() > 0).toList();
        var streets = partners.streets(scope).stream().map(Places.StreetView::id).toList();
        var pending = streets.isEmpty() ? List.<Match>of() : jdbc.sql(MATCH_SELECT
                        + " where m.status = 'MATCHED' and o.street_id in (:s) order by m.matched_at")
                .param("s", streets).query(CoordinationBoard::match).list().stream()
                .filter(m -> scope.covers(m.communityId())).toList();
        return new Board(List.copyOf(lines.values()), offers, pending);
    }
}

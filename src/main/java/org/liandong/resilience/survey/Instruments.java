package org.liandong.resilience.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instruments a round may use: Liandong's own (in code) and those an administrator loaded from JSON or CSV —
 * item ids, factor mapping and scale only, for instruments used under licence (their texts are never shipped).
 *
 * <p>JSON: {@code {"id": "…", "name": "…", "version": "1", "scaleMin": 1, "scaleMax": 5,
 * "items": [{"id": "q1", "factor": "leadership", "pulse": true, "label": "…"}]}}. CSV: a header
 * {@code item,factor,pulse,label} and one line per item; id, name, version and scale come from the form.
 */
@Service
public class Instruments {

    static final int MAX_ITEMS = 120;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Instruments(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Instrument> all() {
        var all = new ArrayList<Instrument>();
        all.add(Instrument.LIANDONG);
        jdbc.sql("select id from resilience_instrument order by created_at").query(String.class).list()
                .forEach(id -> find(id).ifPresent(all::add));
        return all;
    }

    public Optional<Instrument> find(String id) {
        if (Instrument.LIANDONG_ID.equals(id)) {
            return Optional.of(Instrument.LIANDONG);
        }
        var items = jdbc.sql("""
                select item_id, position, factor, pulse, label from resilience_instrument_item
                where instrument_id = :id order by position""").param("id", id)
                .query((rs, n) -> new Item(rs.getString(1), rs.getInt(2), rs.getString(3), null, null,
                        rs.getBoolean(4), rs.getString(5))).list();
        return jdbc.sql("select id, name, version, scale_min, scale_max from resilience_instrument where id = :id")
                .param("id", id)
                .query((rs, n) -> new Instrument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), false, items)).optional();
    }

    public Instrument get(String id) {
        return find(id).orElseThrow(() -> new InvalidValueException("resilience.instrument.unknown"));
    }

    /** Loads an instrument from an uploaded file (JSON or CSV); only platform and street admins may. */
    @Transactional
    public Instrument load(LiandongUser admin, String fileName, byte[] content, @Nullable String id,
                           @Nullable String name, @Nullable String version, @Nullable String scaleMin,
                           @Nullable String scaleMax) {
        if (!admin.role().admin()) {
            throw new InvalidValueException("resilience.instrument.admins-only");
        }
        if (content.length == 0) {
            throw new InvalidValueException("resilience.instrument.empty");
        }
        var instrument = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? json(content)
                : csv(content, id, name, version, scaleMin, scaleMax);
        validate(instrument);
        jdbc.sql("""
                insert into resilience_instrument (id, name, version, scale_min, scale_max, created_at, created_by)
                values (:id, :name, :version, :min, :max, :at, :by)""")
                .param("id", instrument.id()).param("name", instrument.name()).param("version", instrument.version())
                .param("min", instrument.scaleMin()).param("max", instrument.scaleMax())
                .param("at", Timestamp.from(clock.instant())).param("by", admin.displayName()).update();
        for (var item : instrument.items()) {
            jdbc.sql("""
                    insert into resilience_instrument_item (instrument_id, item_id, position, factor, pulse, label)
                    values (:i, :item, :pos, :factor, :pulse, :label)""")
                    .param("i", instrument.id()).param("item", item.id()).param("pos", item.position())
                    .param("factor", item.factor()).param("pulse", item.pulse()).param("label", item.label())
                    .update();
        }
        audit.record(admin, "LOAD_INSTRUMENT", "resilience-instrument", instrument.id(), instrument.name(), null,
                null);
        return instrument;
    }

    private void validate(Instrument instrument) {
        if (!instrument.id().matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw new InvalidValueException("resilience.instrument.bad-id");
        }
        if (instrument.id().equals(Instrument.LIANDONG_ID) || find(instrument.id()).isPresent()) {
            throw new InvalidValueException("resilience.instrument.exists", instrument.id());
        }
        if (instrument.name().isBlank() || instrument.name().length() > 200 || instrument.version().isBlank()
                || instrument.version().length() > 20) {
            throw new InvalidValueException("resilience.instrument.bad-name");
        }
        if (instrument.scaleMin() >= instrument.scaleMax() || instrument.scaleMin() < 0
                || instrument.scaleMax() > 10) {
            throw new InvalidValueException("resilience.instrument.bad-scale");
        }
        if (instrument.items().size() < 2 || instrument.items().size() > MAX_ITEMS) {
            throw new InvalidValueException("resilience.instrument.item-count", MAX_ITEMS);
        }
        var ids = new HashSet<String>();
        for (var item : instrument.items()) {
            if (!item.id().matches("[A-Za-z0-9._-]{1,40}") || !ids.add(item.id())) {
                throw new InvalidValueException("resilience.instrument.bad-item", item.position());
            }
            if (item.factor().isBlank() || item.factor().length() > 60
                    || item.label() != null && item.label().length() > 500) {
                throw new InvalidValueException("resilience.instrument.bad-item", item.position());
            }
        }
    }

    private static Instrument json(byte[] content) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(content);
        } catch (IOException e) {
            throw new InvalidValueException("resilience.instrument.bad-json");
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            throw new InvalidValueException("resilience.instrument.bad-json");
        }
        var items = new ArrayList<Item>();
        int position = 1;
        for (var node : root.path("items")) {
            items.add(new Item(node.path("id").asText("").strip(), position++, node.path("factor").asText("").strip(),
                    null, null, node.path("pulse").asBoolean(false), blank(node.path("label").asText(null))));
        }
        return new Instrument(root.path("id").asText("").strip(), root.path("name").asText("").strip(),
                root.path("version").asText("").strip(), root.path("scaleMin").asInt(0),
                root.path("scaleMax").asInt(0), false, items);
    }

    private static Instrument csv(byte[] content, @Nullable String id, @Nullable String name,
                                  @Nullable String version, @Nullable String scaleMin, @Nullable String scaleMax) {
        var lines = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "").lines()
                .filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).strip().toLowerCase(java.util.Locale.ROOT).startsWith("item,factor")) {
            throw new InvalidValueException("resilience.instrument.bad-csv");
        }
        var items = new ArrayList<Item>();
        for (int i = 1; i < lines.size(); i++) {
            var cells = lines.get(i).split(",", 4);
            if (cells.length < 2) {
                throw new InvalidValueException("resilience.instrument.bad-item", i);
            }
            var pulse = cells.length > 2 && cells[2].strip().matches("(?i)true|1|yes|是");
            items.add(new Item(cells[0].strip(), i, cells[1].strip(), null, null, pulse,
                    cells.length > 3 ? blank(cells[3]) : null));
        }
        return new Instrument(id == null ? "" : id.strip(), name == null ? "" : name.strip(),
                version == null ? "" : version.strip(), parse(scaleMin), parse(scaleMax), false, items);
    }

    private static int parse(@Nullable String v) {
        try {
            return v == null ? 0 : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("resilience.instrument.bad-scale");
        }
    }

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}

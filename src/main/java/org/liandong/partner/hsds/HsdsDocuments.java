package org.liandong.partner.hsds;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.partner.Partners;
import org.liandong.partner.ServiceDirectory;

/**
 * Directory records as Open Referral HSDS 3.0 JSON objects (schemas in {@code hsds/3.0/schema}): plain maps
 * so the field names are exactly those of the specification. Ids of child objects that Liandong does not
 * store separately (phones, languages, schedules, cost options, service areas, addresses) are name-based
 * UUIDs, stable from one export to the next.
 */
public final class HsdsDocuments {

    private HsdsDocuments() {
    }

    /** A service with its organisation, locations, phones, schedules, languages, costs and service areas. */
    public static Map<String, Object> service(ServiceDirectory.ServiceView s) {
        var m = new LinkedHashMap<String, Object>();
        var id = s.id().toString();
        m.put("id", id);
        m.put("organization_id", s.organisationId().toString());
        m.put("name", s.name());
        put(m, "alternate_name", s.alternateName());
        put(m, "description", s.description());
        put(m, "url", s.url());
        put(m, "email", s.email());
        m.put("status", s.status().hsds());
        put(m, "application_process", s.applicationProcess());
        put(m, "fees_description", s.free() ? null : s.fees());
        put(m, "eligibility_description", s.eligibility());
        put(m, "minimum_age", s.minimumAge());
        put(m, "maximum_age", s.maximumAge());
        m.put("last_modified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.updatedAt().atOffset(ZoneOffset.UTC)));
        var phones = new ArrayList<Object>();
        if (s.phone() != null) {
            phones.add(Map.of("id", child(id, "phone"), "service_id", id, "number", s.phone(), "type", "voice"));
        }
        m.put("phones", phones);
        var schedules = new ArrayList<Object>();
        if (s.schedule() != null) {
            schedules.add(Map.of("id", child(id, "schedule"), "service_id", id, "description", s.schedule()));
        }
        m.put("schedules", schedules);
        var areas = new ArrayList<Object>();
        for (int i = 0; i < s.communityIds().size(); i++) {
            areas.add(Map.of("id", child(id, "area:" + s.communityIds().get(i)), "service_id", id,
                    "name", s.communityNames().get(i), "extent_type", "text",
                    "uri", "urn:liandong:community:" + s.communityIds().get(i)));
        }
        m.put("service_areas", areas);
        var atLocations = new ArrayList<Object>();
        for (var l : s.locations()) {
            var at = new LinkedHashMap<String, Object>();
            at.put("id", l.serviceAtLocationId().toString());
            at.put("service_id", id);
            at.put("location_id", l.id().toString());
            at.put("location", location(l, s.organisationId()));
            atLocations.add(at);
        }
        m.put("service_at_locations", atLocations);
        var languages = new ArrayList<Object>();
        for (var code : s.languages()) {
            languages.add(Map.of("id", child(id, "language:" + code), "service_id", id, "code", code,
                    "name", Locale.of(code).getDisplayLanguage(Locale.ENGLISH)));
        }
        m.put("languages", languages);
        var costs = new ArrayList<Object>();
        var cost = new LinkedHashMap<String, Object>();
        cost.put("id", child(id, "cost"));
        cost.put("service_id", id);
        if (s.free()) {
            cost.put("option", "Free");
            cost.put("currency", "CNY");
            cost.put("amount", 0);
        } else {
            cost.put("option", "Fee");
            cost.put("amount_description", s.fees());
        }
        costs.add(cost);
        m.put("cost_options", costs);
        var organization = new LinkedHashMap<String, Object>();
        organization.put("id", s.organisationId().toString());
        organization.put("name", s.organisationName());
        organization.put("description", s.organisationDescription() == null ? "" : s.organisationDescription());
        m.put("organization", organization);
        m.put("attributes", List.of(Map.of("id", child(id, "need"), "link_id", id, "link_type", "service",
                "link_entity", "service", "value", s.need().code(),
                "taxonomy_term_id", UUID.nameUUIDFromBytes(("liandong-need:" + s.need().code()).getBytes()).toString())));
        return m;
    }

    static Map<String, Object> location(ServiceDirectory.Location l, UUID organisationId) {
        var m = new LinkedHashMap<String, Object>();
        var id = l.id().toString();
        m.put("id", id);
        m.put("location_type", "physical");
        m.put("organization_id", organisationId.toString());
        m.put("name", l.name());
        if (l.latitude() != null && l.longitude() != null) {
            m.put("latitude", l.latitude());
            m.put("longitude", l.longitude());
        }
        var address = new LinkedHashMap<String, Object>();
        address.put("id", child(id, "address"));
        address.put("location_id", id);
        address.put("address_1", l.address());
        address.put("city", l.city());
        address.put("state_province", l.stateProvince() != null ? l.stateProvince() : l.city());
        address.put("postal_code", l.postalCode() != null ? l.postalCode() : "");
        address.put("country", l.country() != null ? l.country() : "CN");
        address.put("address_type", "physical");
        m.put("addresses", List.of(address));
        return m;
    }

    /** An organisation with its public phone and contacts (names and titles, no personal phone numbers). */
    public static Map<String, Object> organization(Partners.Organisation o) {
        var m = new LinkedHashMap<String, Object>();
        var id = o.id().toString();
        m.put("id", id);
        m.put("name", o.name());
        m.put("description", o.description());
        put(m, "email", o.email());
        put(m, "website", o.website());
        put(m, "tax_id", o.registrationNumber());
        m.put("legal_status", o.kind().name().toLowerCase(Locale.ROOT));
        var phones = new ArrayList<Object>();
        if (o.phone() != null) {
            phones.add(Map.of("id", child(id, "phone"), "organization_id", id, "number", o.phone(), "type", "voice"));
        }
        m.put("phones", phones);
        var contacts = new ArrayList<Object>();
        for (var c : o.contacts()) {
            var contact = new LinkedHashMap<String, Object>();
            contact.put("id", c.id().toString());
            contact.put("organization_id", id);
            contact.put("name", c.name());
            put(contact, "title", c.title());
            put(contact, "email", c.email());
            contacts.add(contact);
        }
        m.put("contacts", contacts);
        if (o.registrationNumber() != null) {
            m.put("organization_identifiers", List.of(Map.of("id", child(id, "uscc"), "organization_id", id,
                    "identifier_scheme", "CN-USCC", "identifier_type", "Unified Social Credit Code",
                    "identifier", o.registrationNumber())));
        }
        return m;
    }

    /** The HSDA page envelope around a list of records. */
    public static Map<String, Object> page(List<?> contents) {
        var m = new LinkedHashMap<String, Object>();
        m.put("total_items", contents.size());
        m.put("total_pages", 1);
        m.put("page_number", 1);
        m.put("size", contents.size());
        m.put("first_page", true);
        m.put("last_page", true);
        m.put("empty", contents.isEmpty());
        m.put("contents", contents);
        return m;
    }

    static String child(String parent, String what) {
        return UUID.nameUUIDFromBytes((parent + "/" + what).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static void put(Map<String, Object> m, String key, @Nullable Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}

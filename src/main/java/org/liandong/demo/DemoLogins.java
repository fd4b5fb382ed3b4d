package org.liandong.demo;

import java.util.ArrayList;
import java.util.Locale;
import org.liandong.account.Accounts;
import org.liandong.community.Places;
import org.liandong.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the demo logins once the application is ready, on every start and not only the first, so whoever
 * runs the demo sees where to go and how to sign in.
 */
@Component
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoLogins {

    private static final Logger log = LoggerFactory.getLogger(DemoLogins.class);
    private static final String RULE = "=".repeat(100);

    private final DemoSettings settings;
    private final Accounts accounts;
    private final Places places;

    DemoLogins(DemoSettings settings, Accounts accounts, Places places) {
        this.settings = settings;
        this.accounts = accounts;
        this.places = places;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) {
        log.info(text(url(event.getApplicationContext().getEnvironment())));
    }

    static String url(Environment env) {
        var port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        var path = env.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + path;
    }

    String text(String url) {
        var divisions = Divisions.load();
        var story = DemoStory.of(settings.seed());
        var out = new StringBuilder("\n").append(RULE).append('\n');
        out.append(" Liandong 联动 demo: open ").append(url).append('\n');
        out.append(" Password for every demo login: ").append(settings.password()).append('\n');
        out.append(" Real places (NBS 2023 division codes), fictional people. Reset: stop, delete ./data/, start.\n");
        out.append("-".repeat(100)).append('\n');
        out.append(String.format(Locale.ROOT, " %-16s %-22s %s%n", "username", "role", "name, scope"));
        for (var login : DemoAccounts.logins(divisions, story)) {
            if (!accounts.exists(login.username())) {
                continue;
            }
            out.append(String.format(Locale.ROOT, " %-16s %-22s %s%n", login.username(), role(login.role()),
                    login.displayName() + ", " + scope(login)));
        }
        return out.append(RULE).toString();
    }

    private static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private String scope(DemoAccounts.Login login) {
        if (login.role() == Role.PLATFORM_ADMIN) {
            return "all communities";
        }
        var parts = new ArrayList<String>();
        for (var street : login.streets()) {
            var name = places.street(street).map(Places.StreetView::name).orElse(street);
            parts.add("street " + name + " (" + places.communityIdsOfStreet(street).size() + " communities)");
        }
        for (var community : login.communities()) {
            parts.add("community " + communityName(community));
        }
        if (login.home() != null) {
            parts.add("household " + flat(login.home()));
        }
        if (login.claim() != null) {
            parts.add("no household yet: claim " + flat(login.claim()) + " as " + login.displayName());
        }
        return parts.isEmpty() ? "no scope needed" : String.join("; ", parts);
    }

    private String flat(DemoAccounts.Flat flat) {
        return communityName(flat.communityId()) + " " + flat.building() + " " + flat.room();
    }

    private String communityName(String id) {
        return places.community(id).map(Places.CommunityView::name).orElse(id);
    }
}

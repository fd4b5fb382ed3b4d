package org.liandong.demo;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.account.Accounts;
import org.liandong.community.Registry;
import org.liandong.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One login for every role, all with the demo password: the platform admin, an admin for each street, staff of
 * the first community of each street, a social worker of the agency the street contracts, a building-group
 * leader, a volunteer, an expert, a resident whose account is linked to her household and a resident who has
 * yet to claim his. Accounts that already exist are left as they are, so restarts change nothing.
 */
@Component
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoAccounts {

    /** Where a resident lives: community code, building name and room, as the claim form asks for them. */
    record Flat(String communityId, String building, String room) {
    }

    /**
     * A demo login. Streets and communities are the account's scope; {@code home} is the household the account
     * is linked to; {@code claim} is a flat a resident without a household can claim.
     */
    record Login(String username, String displayName, Role role, List<String> streets, List<String> communities,
                 @Nullable Flat home, @Nullable Flat claim) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final Registry registry;
    private final DemoSettings settings;

    DemoAccounts(Accounts accounts, Registry registry, DemoSettings settings) {
        this.accounts = accounts;
        this.registry = registry;
        this.settings = settings;
    }

    /** The logins of the demo; pure, so the list printed on every start needs no loading. */
    static List<Login> logins(Divisions divisions, DemoStory story) {
        var shanghai = DemoCity.SHANGHAI.streetCode();
        var wuhan = DemoCity.WUHAN.streetCode();
        var firstShanghai = divisions.communitiesOf(shanghai).getFirst().code();
        var firstWuhan = divisions.communitiesOf(wuhan).getFirst().code();
        var suffix = DemoCity.SHANGHAI.buildingSuffix();
        var logins = new ArrayList<Login>();
        logins.add(new Login("admin", "平台管理员", Role.PLATFORM_ADMIN, List.of(), List.of(), null, null));
        logins.add(new Login("street-fenglin", "吴建平", Role.STREET_ADMIN, List.of(shanghai), List.of(), null, null));
        logins.add(new Login("street-wuhan", "熊志刚", Role.STREET_ADMIN, List.of(wuhan), List.of(), null, null));
        logins.add(new Login("staff-fenglin", "何敏", Role.COMMUNITY_STAFF, List.of(), List.of(firstShanghai), null,
                null));
        logins.add(new Login("staff-wuhan", "涂丽萍", Role.COMMUNITY_STAFF, List.of(), List.of(firstWuhan), null,
                null));
        logins.add(new Login("social-worker", "林静", Role.SOCIAL_WORKER, List.of(shanghai), List.of(), null, null));
        logins.add(new Login("leader", DemoStory.LEADER, Role.BUILDING_GROUP_LEADER, List.of(), List.of(firstShanghai),
                new Flat(firstShanghai, DemoStory.LEADER_BUILDING + suffix, DemoStory.LEADER_ROOM), null));
        logins.add(new Login("volunteer", "吴晓雯", Role.VOLUNTEER, List.of(), List.of(), null, null));
        logins.add(new Login("expert", "郑志明", Role.EXPERT, List.of(), List.of(firstShanghai), null, null));
        // linked to the foundation 仁爱公益基金会 by DemoPartners
        logins.add(new Login("partner-renai", "刘芳", Role.PARTNER, List.of(), List.of(), null, null));
        logins.add(new Login(story.guardianPhone(), DemoStory.GUARDIAN, Role.RESIDENT, List.of(), List.of(),
                new Flat(firstShanghai, DemoStory.GUARDIAN_BUILDING + suffix, DemoStory.GUARDIAN_ROOM), null));
        logins.add(new Login(story.claimantPhone(), DemoStory.CLAIMANT, Role.RESIDENT, List.of(), List.of(), null,
                new Flat(firstShanghai, DemoStory.CLAIMANT_BUILDING + suffix, DemoStory.CLAIMANT_ROOM)));
        return List.copyOf(logins);
    }

    /** Creates the logins that are missing; returns how many it created. */
    int createMissing(Divisions divisions, DemoStory story) {
        int created = 0;
        for (var login : logins(divisions, story)) {
            if (accounts.exists(login.username())) {
                continue;
            }
            var household = login.home() == null ? null
                    : registry.findHousehold(login.home().communityId(), login.home().building(), login.home().room())
                            .orElse(null);
            if (login.home() != null && household == null) {
                log.warn("Demo login {}: no household at {}, created without one", login.username(), login.home());
            }
            accounts.create(login.username(), login.displayName(), settings.password(), login.role(), login.streets(),
                    login.communities(), household);
            created++;
        }
        return created;
    }
}

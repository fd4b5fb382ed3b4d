package org.liandong.partner;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.liandong.Fixtures;
import org.liandong.platform.LiandongUser;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Partners for tests: an approved organisation serving both communities of a test street. */
@TestComponent
public class PartnerFixtures {

    private final Partners partners;
    private final ServiceDirectory directory;
    private final UserDetailsService users;

    PartnerFixtures(Partners partners, ServiceDirectory directory, UserDetailsService users) {
        this.partners = partners;
        this.directory = directory;
        this.users = users;
    }

    public LiandongUser user(String username) {
        return (LiandongUser) users.loadUserByUsername(username);
    }

    public org.springframework.security.core.userdetails.UserDetails login(String username) {
        return users.loadUserByUsername(username);
    }

    public UUID approvedOrganisation(Fixtures.TestStreet street, OrganisationKind kind, String name) {
        var admin = user(street.streetAdminUsername());
        var id = partners.register(admin, new Partners.NewOrganisation(street.id(), kind.name(), name, null,
                name + "，长期服务本街道。", null, null, "021-64001234"));
        partners.serve(admin.scope(), id, List.of(street.a().id(), street.b().id()));
        partners.review(admin, id, "APPROVED", null);
        return id;
    }

    /** Registered, not yet vetted. */
    public UUID registered(Fixtures.TestStreet street, OrganisationKind kind, String name) {
        return partners.register(user(street.streetAdminUsername()), new Partners.NewOrganisation(street.id(),
                kind.name(), name, null, name + "，新登记。", null, null, null));
    }

    public UUID service(Fixtures.TestStreet street, UUID organisation, String name, ServiceNeed need) {
        var admin = user(street.streetAdminUsername());
        return directory.add(admin.scope(), organisation, new ServiceDirectory.NewService(name, need.name(),
                "为独居老人每天送午餐和晚餐。", "本街道 70 岁以上独居老人", "70", null, true, null, Set.of("zh", "wuu"),
                "每天 10:30–12:00，16:30–18:00", "打电话或由居委会登记", "021-64005678", null, null, "长者食堂",
                "枫林路 100 号", street.a().id(), Set.of()));
    }
}

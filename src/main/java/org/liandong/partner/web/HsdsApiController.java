package org.liandong.partner.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.partner.Partners;
import org.liandong.partner.ServiceDirectory;
import org.liandong.partner.ServiceNeed;
import org.liandong.partner.hsds.HsdsDocuments;
import org.liandong.platform.LiandongUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The services directory as Open Referral HSDS 3.0 JSON, in the shape of the HSDA API. */
@RestController
@RequestMapping("/api/v1/hsds")
class HsdsApiController {

    private final ServiceDirectory directory;
    private final Partners partners;

    HsdsApiController(ServiceDirectory directory, Partners partners) {
        this.directory = directory;
        this.partners = partners;
    }

    @GetMapping("/services")
    Map<String, Object> services(@RequestParam(required = false) @Nullable String search,
                                 @RequestParam(required = false) @Nullable String need,
                                 @RequestParam(required = false) @Nullable String community) {
        var n = OrganisationController.parse(ServiceNeed.class, need);
        return HsdsDocuments.page(directory.search(search, n, community, 500).stream().map(HsdsDocuments::service)
                .toList());
    }

    @GetMapping("/services/{id}")
    Map<String, Object> service(@PathVariable UUID id) {
        return HsdsDocuments.service(directory.service(id));
    }

    @GetMapping("/organizations")
    @PreAuthorize("hasRole('STAFF')")
    Map<String, Object> organizations(@AuthenticationPrincipal LiandongUser me) {
        List<Map<String, Object>> list = partners.approved(me.scope()).stream()
                .map(s -> HsdsDocuments.organization(partners.organisation(me.scope(), s.id()))).toList();
        return HsdsDocuments.page(list);
    }
}

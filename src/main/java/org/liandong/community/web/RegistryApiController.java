package org.liandong.community.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.community.ResidentDirectory;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry as JSON for mini-programs and partner systems. Same scope rules as the pages: records
 * outside the caller's communities answer 404; personal data is masked.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('STAFF')")
class RegistryApiController {

    private static final int MAX_PAGE_SIZE = 200;

    private final Places places;
    private final ResidentDirectory directory;
    private final Registry registry;

    RegistryApiController(Places places, ResidentDirectory directory, Registry registry) {
        this.places = places;
        this.directory = directory;
        this.registry = registry;
    }

    @GetMapping("/communities")
    List<Places.CommunityView> communities(@AuthenticationPrincipal LiandongUser me) {
        return places.communities(me.scope());
    }

    @GetMapping("/communities/{id}/buildings")
    List<Places.BuildingView> buildings(@AuthenticationPrincipal LiandongUser me, @PathVariable String id) {
        me.scope().check(id);
        return places.buildings(id);
    }

    @GetMapping("/residents")
    ResidentDirectory.Page residents(@AuthenticationPrincipal LiandongUser me,
                                     @RequestParam(required = false) @Nullable String q,
                                     @RequestParam(required = false) @Nullable String community,
                                     @RequestParam(required = false) @Nullable String buildingGroup,
                                     @RequestParam(required = false) @Nullable String tag,
                                     @RequestParam(defaultValue = "false") boolean vulnerable,
                                     @RequestParam(defaultValue = "false") boolean withoutCarer,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        if (community != null && !community.isBlank()) {
            me.scope().check(community);
        }
        var kind = tag == null || tag.isBlank() ? null
                : VulnerabilityKind.fromCode(tag).orElseThrow(() -> new InvalidValueException("error.bad-request"));
        var query = new ResidentDirectory.Query(ResidentController.trim(q, 60), community,
                ResidentController.trim(buildingGroup, 50), kind, vulnerable, withoutCarer);
        return directory.search(me.scope(), query, Math.max(0, page), Math.clamp(size, 1, MAX_PAGE_SIZE));
    }

    @GetMapping("/residents/{id}")
    Registry.ResidentView resident(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id) {
        return registry.resident(me.scope(), id);
    }

    @GetMapping("/households/{id}")
    Registry.HouseholdView household(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id) {
        return registry.household(me.scope(), id);
    }
}

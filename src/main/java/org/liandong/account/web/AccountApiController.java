package org.liandong.account.web;

import java.util.List;
import java.util.Map;
import org.liandong.account.Accounts;
import org.liandong.community.Registry;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and (for a resident) my own household: nothing else. */
@RestController
@RequestMapping("/api/v1/me")
class AccountApiController {

    private final Accounts accounts;
    AccountApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    Map<String, Object> me(@AuthenticationPrincipal LiandongUser me) {
        return Map.of("id", me.userId(), "name", me.displayName(), "role", me.role().name(),
                "communities", me.scope().everything() ? List.of("*") : me.scope().communityIds().stream().sorted().toList());
    }

    @GetMapping("/household")
    Registry.HouseholdView household(@AuthenticationPrincipal LiandongUser me) {
        return accounts.ownHousehold(me.userId()).orElseThrow(OutOfScopeException::new);
    }
}

package org.liandong.care.observation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The check-in API carries its own credential (the signed check-in code in the body), so it has a filter chain
 * of its own before the platform's: no login, no session (none is read or made), no CSRF token (no cookie is
 * involved, so there is nothing to forge).
 */
@Configuration(proxyBeanMethods = false)
class CheckInApiSecurity {

    @Bean
    @Order(10)
    SecurityFilterChain checkInApi(HttpSecurity http) throws Exception {
        http.securityMatcher(CheckInApiController.PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }
}

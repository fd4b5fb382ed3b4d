package org.liandong.supply.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.liandong.platform.Role;
import org.liandong.supply.HouseholdResident;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bench only: signed household tokens for the reservation API, so that {@code bench/rush.sh} can reserve as 100,000
 * households without 100,000 password logins (bcrypt, ~0.1 s of CPU each here, would take hours and measure password
 * hashing). Exists only with the {@code bench} profile and a key of at least 32 characters
 * ({@code liandong.supply.bench-token-key}, which the script makes at random for each run); refuses to start
 * together with the {@code prod} profile. A token is {@code <household id>.<hex HMAC-SHA256(key, household id)>} in
 * the header {@code Authorization: Bench <token>}; it makes the caller a resident of that household for
 * {@code /api/v1/supply/**} only, with no session. Everything else keeps the normal login.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchTokens {

    static final String SCHEME = "Bench ";

    @Bean
    @Order(0)
    SecurityFilterChain benchTokenChain(HttpSecurity http, Environment environment,
                                        @Value("${liandong.supply.bench-token-key:}") String key) throws Exception {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("the bench profile must not be active in production");
        }
        if (key.length() < 32) {
            throw new IllegalStateException("liandong.supply.bench-token-key must have at least 32 characters");
        }
        http.securityMatcher("/api/v1/supply/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable()) // no cookie is involved: a token in a header cannot be forged cross-site
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TokenFilter(key), AnonymousAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    /** The token of a household (the benchmark client computes the same). */
    static String token(String key, UUID household) {
        return household + "." + sign(key, household.toString());
    }

    private static String sign(String key, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TokenFilter extends OncePerRequestFilter {

        private final String key;

        TokenFilter(String key) {
            this.key = key;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var header = request.getHeader("Authorization");
            if (header != null && header.startsWith(SCHEME)) {
                var token = header.substring(SCHEME.length()).strip();
                int dot = token.indexOf('.');
                if (dot > 0) {
                    var household = token.substring(0, dot);
                    var expected = sign(key, household).getBytes(StandardCharsets.US_ASCII);
                    if (MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                        try {
                            var user = new HouseholdResident(UUID.fromString(household));
                            var context = SecurityContextHolder.createEmptyContext();
                            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                                    List.of(new SimpleGrantedAuthority(Role.RESIDENT.authority()))));
                            SecurityContextHolder.setContext(context);
                        } catch (IllegalArgumentException notAnId) {
                            // not a household id: stays anonymous, answered 401
                        }
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}

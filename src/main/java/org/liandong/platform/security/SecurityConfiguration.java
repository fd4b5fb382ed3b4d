package org.liandong.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for pages, HTTP Basic for the JSON API, CSRF on everywhere. Who may see which community is
 * checked per request by the modules with {@link org.liandong.platform.AccessScope}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith(
            request.getContextPath() + "/api/");

    @Bean
    SecurityFilterChain web(HttpSecurity http, AuthenticationFailureHandler loginFailureHandler) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/register", "/lang", "/text-size", "/error", "/favicon.ico",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/actuator/health/**", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health", "/volunteer/calendar/*.ics")
                        .permitAll()
                        // public recognition pages: the thank-you board and certificate verification
                        .requestMatchers("/volunteer/certificates/**", "/volunteer/thanks/**").permitAll()
                        // public supply ledgers and their verification
                        .requestMatchers("/supply/public/**").permitAll()
                        // the volunteer call: anyone applies and follows their application with phone + code
                        .requestMatchers("/volunteer/apply", "/volunteer/apply/**", "/volunteer/status",
                                "/volunteer/status/**")
                        .permitAll()
                        // published alerts for regional warning systems: CAP 1.2 messages and their Atom feed
                        .requestMatchers("/cap/**").permitAll()
                        // the resilience survey's public link: residents answer with a one-time household code
                        .requestMatchers("/resilience/s/**").permitAll()
                        // the check-in page a home-observation case's signed code opens on the resident's phone
                        .requestMatchers("/care/c/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("PLATFORM_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailureHandler).permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and able to read hashes of other algorithms when we move on
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

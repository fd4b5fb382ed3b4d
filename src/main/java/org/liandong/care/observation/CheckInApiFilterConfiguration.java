package org.liandong.care.observation;

import org.liandong.platform.LocalisedText;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places {@link CheckInApiFilter} right after the request metrics' filter ({@code HIGHEST_PRECEDENCE + 1}) and the
 * character encoding, before Spring Security's filters and the dispatcher: the check-in API carries its own
 * credential (the signed check-in code in the body) and answers every request to its path itself.
 */
@Configuration(proxyBeanMethods = false)
class CheckInApiFilterConfiguration {

    @Bean
    FilterRegistrationBean<CheckInApiFilter> checkInApiFilter(PhoneCheckIns checkIns, LocalisedText text,
                                                              LocaleResolver localeResolver, JsonMapper jsonMapper) {
        var registration = new FilterRegistrationBean<>(new CheckInApiFilter(checkIns, text, localeResolver,
                jsonMapper));
        registration.addUrlPatterns(CheckInApiFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("checkInApi");
        return registration;
    }
}

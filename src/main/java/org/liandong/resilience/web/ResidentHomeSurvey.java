package org.liandong.resilience.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the resident's open survey on their home page (the account module's page, which cannot know this module):
 * the page includes {@code resilience/survey/home :: card}, which shows only when {@code openSurvey} is set.
 */
@Configuration(proxyBeanMethods = false)
class ResidentHomeSurvey implements WebMvcConfigurer {

    private final SurveyRounds rounds;

    ResidentHomeSurvey(SurveyRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   @Nullable ModelAndView view) {
                var auth = SecurityContextHolder.getContext().getAuthentication();
                if (view != null && "account/home-person".equals(view.getViewName()) && auth != null
                        && auth.getPrincipal() instanceof LiandongUser user) {
                    rounds.openRoundFor(user).ifPresent(r -> view.addObject("openSurvey", r));
                }
            }
        }).addPathPatterns("/");
    }
}

package org.liandong.care;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The care watch runs on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CareConfiguration {
}

package org.liandong.supply;

import org.liandong.platform.PersonalDataCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The plain-JDBC parts of the module as beans; the no-show checker runs on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SupplyConfiguration {

    @Bean
    PickupCodes pickupCodes(PersonalDataCipher keys) {
        return new PickupCodes(keys);
    }

    @Bean
    ReservationBook reservationBook(JdbcClient jdbc, PlatformTransactionManager transactions, PickupCodes codes) {
        return new ReservationBook(jdbc, new TransactionTemplate(transactions), codes);
    }
}

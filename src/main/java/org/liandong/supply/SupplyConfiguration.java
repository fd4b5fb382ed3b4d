package org.liandong.supply;

import javax.sql.DataSource;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plain-JDBC parts of the module as beans; the no-show checker runs on a schedule. Reservations are committed
 * in groups of up to {@code liandong.supply.group-commit.max-batch} (1: one transaction each).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SupplyConfiguration {

    @Bean
    PickupCodes pickupCodes(PersonalDataCipher keys) {
        return new PickupCodes(keys);
    }

    @Bean
    ReservationBook reservationBook(DataSource dataSource, PlatformTransactionManager transactions, PickupCodes codes,
                                    @Value("${liandong.supply.group-commit.max-batch:500}") int maxBatch) {
        return new ReservationBook(dataSource, new TransactionTemplate(transactions), codes, maxBatch);
    }
}

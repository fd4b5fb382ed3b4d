package org.liandong;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application test on the test database (H2 in the first Surefire run, PostgreSQL in the second),
 * with {@link Fixtures} to build places, residents and accounts. Tests never assume an empty database:
 * each builds its own street with fresh codes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({Fixtures.class, org.liandong.volunteer.VolunteerFixtures.class})
public @interface LiandongTest {
}

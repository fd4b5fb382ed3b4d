package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PersonalDataCipherUnitTests {

    static byte[] key() {
        var k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    final PersonalDataCipher cipher = new PersonalDataCipher(key(), key());

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        var a = cipher.encrypt("310104199001011234");
        var b = cipher.encrypt("310104199001011234");
        assertThat(a).isNotEqualTo(b).doesNotContain("310104199001011234");
        assertThat(cipher.decrypt(a)).isEqualTo("310104199001011234");
    }

    @Test
    void blindIndexIsStableAndKeyed() {
        var other = new PersonalDataCipher(key(), key());
        assertThat(cipher.blindIndex("x")).isEqualTo(cipher.blindIndex("x")).hasSize(64);
        assertThat(other.blindIndex("x")).isNotEqualTo(cipher.blindIndex("x"));
    }

    @Test
    void refusesTamperedOrForeignValues() {
        var sealed = cipher.encrypt("secret");
        var tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        var other = new PersonalDataCipher(key(), key());
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksNamesAndPhones() {
        assertThat(Masked.name("王秀英")).isEqualTo("王**");
        assertThat(Masked.phone("13912345678")).isEqualTo("139****5678");
        assertThat(Masked.idNumber("31010419900101123X")).isEqualTo("3101**********123X");
    }
}

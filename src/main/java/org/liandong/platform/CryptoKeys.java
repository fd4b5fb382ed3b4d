package org.liandong.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the personal-data keys come from: {@code liandong.crypto.key} and {@code liandong.crypto.hash-key}
 * (base64, e.g. from the environment), or a key file outside the repository that is created on first
 * start when {@code generate-if-missing} is on (the embedded default; production turns it off).
 */
@Configuration(proxyBeanMethods = false)
class CryptoKeys {

    private static final Logger log = LoggerFactory.getLogger(CryptoKeys.class);

    @ConfigurationProperties("liandong.crypto")
    record Settings(String key, String hashKey, Path keyFile, boolean generateIfMissing) {
        Settings {
            keyFile = keyFile == null ? Path.of("data", "liandong.keys") : keyFile;
        }
    }

    @Bean
    PersonalDataCipher personalDataCipher(Settings settings) {
        if (notBlank(settings.key()) && notBlank(settings.hashKey())) {
            return new PersonalDataCipher(decode(settings.key()), decode(settings.hashKey()));
        }
        var file = settings.keyFile();
        if (!Files.exists(file)) {
            if (!settings.generateIfMissing()) {
                throw new IllegalStateException("No personal-data key: set LIANDONG_CRYPTO_KEY and "
                        + "LIANDONG_CRYPTO_HASH_KEY (32 random bytes each, base64) or provide " + file);
            }
            generate(file);
            log.warn("Generated new personal-data keys in {}. Back this file up: without it the encrypted "
                    + "ID numbers cannot be read.", file.toAbsolutePath());
        }
        var props = new Properties();
        try (var in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
        return new PersonalDataCipher(decode(props.getProperty("key")), decode(props.getProperty("hash-key")));
    }

    private static void generate(Path file) {
        var random = new SecureRandom();
        var key = new byte[32];
        var hashKey = new byte[32];
        random.nextBytes(key);
        random.nextBytes(hashKey);
        var text = "# Liandong personal-data keys. Keep secret, keep a backup.\n"
                + "key=" + Base64.getEncoder().encodeToString(key) + "\n"
                + "hash-key=" + Base64.getEncoder().encodeToString(hashKey) + "\n";
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file still works
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file, e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            throw new IllegalStateException("key file is missing an entry");
        }
        return Base64.getDecoder().decode(base64.strip());
    }
}

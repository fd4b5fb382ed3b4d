package org.liandong.community.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages have every key; the import pages have no literal text; every key they name exists. */
class ImportMessagesUnitTests {

    static Properties load(String name) throws IOException {
        var props = new Properties();
        try (var in = ImportMessagesUnitTests.class.getResourceAsStream("/messages/" + name)) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    static Set<String> all(String suffix) throws IOException {
        var keys = new HashSet<String>();
        for (var bundle : new String[] {"platform", "community", "importing"}) {
            keys.addAll(load(bundle + suffix + ".properties").stringPropertyNames());
        }
        return keys;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        var zh = load("importing.properties").stringPropertyNames();
        var en = load("importing_en.properties").stringPropertyNames();
        assertThat(en).containsExactlyInAnyOrderElementsOf(zh);
        assertThat(zh).hasSizeGreaterThan(100);
    }

    @Test
    void everyColumnAndProblemHasItsMessages() throws IOException {
        for (var suffix : new String[] {"", "_en"}) {
            var keys = all(suffix);
            for (var column : Column.values()) {
                assertThat(keys).contains("import.column." + column.key(), "import.column." + column.key() + ".hint");
            }
            for (var status : RegistryImport.Status.values()) {
                assertThat(keys).contains(status.messageKey(), status.labelKey());
            }
        }
    }

    @Test
    void keysUsedInCodeAndTemplatesExist() throws IOException {
        var keys = all("");
        var enKeys = all("_en");
        var used = new HashSet<String>();
        var literal = Pattern.compile("\"((?:import|id\\.error|phone\\.error)\\.[a-z0-9_.\\-]+)\"");
        var inTemplate = Pattern.compile("#\\{((?:import|nav|error)\\.[a-z0-9_.\\-]+)");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java/org/liandong/community/importing")),
                Files.walk(Path.of("src/main/resources/templates/community/import")))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var text = Files.readString(file);
                var m = (file.toString().endsWith(".html") ? inTemplate : literal).matcher(text);
                while (m.find()) {
                    var key = m.group(1);
                    if (!key.endsWith(".") && !key.endsWith("-")) {
                        used.add(key);
                    }
                }
            }
        }
        used.removeIf(k -> k.equals("import.column.") || k.equals("import.status."));
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
        assertThat(enKeys).containsAll(used);
    }

    @Test
    void templatesHaveNoLiteralChinese() throws IOException {
        var cjk = Pattern.compile("\\p{IsHan}");
        try (var files = Files.walk(Path.of("src/main/resources/templates/community/import"))) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                assertThat(cjk.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
            }
        }
    }
}

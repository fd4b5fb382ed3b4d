package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in Chinese and in English, and templates carry no literal text a person would read:
 * what a template shows comes from the bundles (th:text="#{…}"), so both languages stay complete.
 */
class MessageBundleTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");
    /** Han characters in a text node that Thymeleaf does not replace. */
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        try (var files = Files.list(MESSAGES)) {
            for (var zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                var en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English bundle beside " + zh).exists();
                assertThat(keys(en)).as("keys of " + en).isEqualTo(keys(zh));
                assertThat(load(en).values()).as("empty texts in " + en).noneMatch(v -> v.toString().isBlank());
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        var seen = new TreeSet<String>();
        var twice = new ArrayList<String>();
        try (var files = Files.list(MESSAGES)) {
            for (var zh : files.filter(p -> !p.getFileName().toString().contains("_")).sorted().toList()) {
                for (var key : keys(zh)) {
                    if (!seen.add(key)) {
                        twice.add(key + " (" + zh.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyLiteralKeyInTemplatesExists() throws IOException {
        var all = new TreeSet<String>();
        try (var files = Files.list(MESSAGES)) {
            for (var zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                all.addAll(keys(zh));
            }
        }
        var missing = new ArrayList<String>();
        for (var template : templates()) {
            var m = MESSAGE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!all.contains(m.group(1))) {
                    missing.add(m.group(1) + " in " + TEMPLATES.relativize(template));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesShowNoChineseTextThatThymeleafDoesNotReplace() throws IOException {
        var literals = new ArrayList<String>();
        for (var template : templates()) {
            var html = Files.readString(template);
            // drop comments and elements whose text Thymeleaf replaces
            var stripped = html.replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<(\\w+)[^>]*\\bth:(text|utext|replace|insert)=[^>]*>.*?</\\1>", "")
                    .replaceAll("(?s)<[^>]+>", "\n");
            for (var line : stripped.split("\n")) {
                if (HAN.matcher(line).find()) {
                    literals.add(TEMPLATES.relativize(template) + ": " + line.strip());
                }
            }
            var attrs = Pattern.compile("\\s(placeholder|title|aria-label|alt|value)=\"([^\"]*\\p{IsHan}[^\"]*)\"")
                    .matcher(html);
            while (attrs.find()) {
                literals.add(TEMPLATES.relativize(template) + ": " + attrs.group(1) + "=" + attrs.group(2));
            }
        }
        assertThat(literals).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static TreeSet<String> keys(Path bundle) throws IOException {
        var keys = new TreeSet<String>();
        load(bundle).keySet().forEach(k -> keys.add(k.toString()));
        return keys;
    }

    private static Properties load(Path bundle) throws IOException {
        var p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}

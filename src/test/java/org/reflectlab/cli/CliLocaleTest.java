package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CLI's refusals follow the JVM's default locale (Japanese for ja, English otherwise); its bundles match. */
class CliLocaleTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void badInputIsRefusedInJapaneseUnderAJapaneseLocale() {
        Locale.setDefault(Locale.JAPAN);
        CliRun cli = new CliRun();
        assertEquals(Cli.BAD_INPUT, cli.run("nosuchcommand"));
        assertTrue(cli.err().startsWith("エラー：知らないコマンドまたは引数です：nosuchcommand"), cli.both());
        assertTrue(cli.err().contains("オプションは 'reflectlab --help' で確認できます。"), cli.both());
        cli = new CliRun();
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--count", "many"));
        assertTrue(cli.err().contains("エラー：--count に 'many' は指定できません（'many' is not an int）"), cli.both());
        cli = new CliRun();
        assertEquals(Cli.BAD_INPUT, cli.run("reflect"));
        assertTrue(cli.err().contains("エラー：--prompt を指定してください"), cli.both());
        cli = new CliRun();
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--caption", "a purpel circle"));
        assertTrue(cli.err().contains("エラー：'purpel' は知らない単語です。'purple' のことですか？"), cli.both());
        cli = new CliRun();
        assertEquals(Cli.BAD_INPUT, cli.run("data", "--caption", "a red 🔴 circle"));
        assertTrue(cli.err().contains("ShapesWorld が読めない文字があります：'🔴' (U+1F534)"), cli.both());
    }

    @Test
    void theSameRefusalsStayEnglishUnderAnyOtherLocale() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMANY}) {
            Locale.setDefault(l);
            CliRun cli = new CliRun();
            assertEquals(Cli.BAD_INPUT, cli.run("nosuchcommand"));
            assertTrue(cli.err().startsWith("error: Unmatched argument at index 0: 'nosuchcommand'"), cli.both());
            cli = new CliRun();
            assertEquals(Cli.BAD_INPUT, cli.run("data", "--caption", "a purpel circle"));
            assertTrue(cli.err().contains("error: 'purpel' is not a known word; did you mean 'purple'?"), cli.both());
            assertFalse(cli.err().contains("エラー"), cli.both());
        }
    }

    @Test
    void normalOutputStaysEnglishForScripts() {
        Locale.setDefault(Locale.JAPAN);
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("data", "--caption", "a red circle", "--count", "1"), cli.both());
        assertTrue(cli.out().contains("# caption: a red circle"), cli.both());
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertEquals(load("messages.properties").stringPropertyNames(), load("messages_ja.properties").stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliLocaleTest.class.getResourceAsStream("/org/reflectlab/cli/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}

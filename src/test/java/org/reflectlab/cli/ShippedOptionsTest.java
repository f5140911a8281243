package org.reflectlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bench ui's "as shipped" options are the ones the app ships with, and a child JVM started with them gets them last. */
class ShippedOptionsTest {

    @Test
    void everyShippedMemoryOptionIsInBothLaunchersOfThePom() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> options = AsShipped.options();
        assertTrue(options.contains("-Xmx768m"), "the heap limit is one of them: " + options);
        for (String o : options) {
            assertTrue(pom.contains("<option>" + o + "</option>"), "javafx:run lacks " + o);
            assertTrue(pom.contains("<arg value=\"" + o + "\"/>"), "the app image's --java-options lack " + o);
        }
    }

    @Test
    void commentsAndBlankLinesAreNotOptions() {
        assertEquals(List.of("-Xmx1g", "-XX:GCTimeRatio=4"), AsShipped.parse("# why\n\n -Xmx1g \n-XX:GCTimeRatio=4\n"));
    }

    @Test
    void aJvmWithEveryShippedOptionMissesNoneAndOneWithAnotherHeapMissesIt() {
        List<String> shipped = AsShipped.options();
        assertEquals(List.of(), AsShipped.missing(shipped));
        List<String> other = new java.util.ArrayList<>(shipped);
        other.set(other.indexOf("-Xmx768m"), "-Xmx6g");
        assertEquals(List.of("-Xmx768m"), AsShipped.missing(other));
    }

    @Test
    void theChildGetsTheShippedOptionsAfterItsOwnSoTheyWin() {
        List<String> c = AsShipped.childCommand(List.of("-Xmx6g", "-Dreflectlab.home=/tmp/h"), List.of("bench", "ui", "--this-jvm"));
        assertTrue(c.indexOf("-Xmx768m") > c.indexOf("-Xmx6g"), "the last -Xmx counts: " + c);
        assertTrue(c.contains("-Dreflectlab.home=/tmp/h"), "this JVM's settings carry over");
        assertEquals(List.of("bench", "ui", "--this-jvm"), c.subList(c.size() - 3, c.size()));
        assertEquals(org.reflectlab.Launcher.class.getName(), c.get(c.size() - 4));
    }
}
